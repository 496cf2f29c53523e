package io.vodkit.client.internal;

/** Lowercase hexadecimal text for bytes and CRC values. */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    /** Two lowercase hex digits per byte. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** A CRC-32 value as the storage gateway wants it: 8 lowercase hex digits, zero-padded ({@code %08x}). */
    public static String crc32(long crc) {
        return String.format("%08x", crc & 0xffffffffL);
    }
}
