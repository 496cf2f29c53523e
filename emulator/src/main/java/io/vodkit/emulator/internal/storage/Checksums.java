package io.vodkit.emulator.internal.storage;

import java.util.Arrays;
import java.util.Locale;

/**
 * What was learnt while streaming a body: size, CRC-32/IEEE as 8 lowercase hex digits, MD5 hex ({@code ""} when it
 * was not computed: multipart parts, whose MD5 nobody needs) and the first bytes (for content-type sniffing).
 */
public record Checksums(long size, String crc32, String md5, byte[] head) {

    public Checksums {
        head = head.clone();
    }

    @Override
    public byte[] head() {
        return head.clone();
    }

    /** CRC-32 value formatted like the gateway's {@code Content-CRC32} ({@code %08x}). */
    public static String crc32Hex(long value) {
        return String.format(Locale.ROOT, "%08x", value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checksums other
                && size == other.size
                && crc32.equals(other.crc32)
                && md5.equals(other.md5)
                && Arrays.equals(head, other.head);
    }

    @Override
    public int hashCode() {
        return 31 * crc32.hashCode() + md5.hashCode();
    }

    @Override
    public String toString() {
        return "Checksums[size=" + size + ", crc32=" + crc32 + ", md5=" + md5 + "]";
    }
}
