package io.vodkit.emulator.internal.storage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Guesses a media type from an object's first bytes, then from its file extension. */
public final class ContentTypeSniffer {
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("mkv", "video/x-matroska"),
            Map.entry("webm", "video/webm"),
            Map.entry("avi", "video/x-msvideo"),
            Map.entry("flv", "video/x-flv"),
            Map.entry("ts", "video/mp2t"),
            Map.entry("m2ts", "video/mp2t"),
            Map.entry("mpg", "video/mpeg"),
            Map.entry("mpeg", "video/mpeg"),
            Map.entry("3gp", "video/3gpp"),
            Map.entry("wmv", "video/x-ms-wmv"),
            Map.entry("m3u8", "application/vnd.apple.mpegurl"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("aac", "audio/aac"),
            Map.entry("wav", "audio/wav"),
            Map.entry("flac", "audio/flac"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("opus", "audio/ogg"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"));

    private ContentTypeSniffer() {}

    public static String sniff(byte[] head, String fileName) {
        String byMagic = byMagic(head);
        return byMagic != null ? byMagic : byExtension(fileName);
    }

    static String byExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot < fileName.lastIndexOf('/')) {
            return OCTET_STREAM;
        }
        return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), OCTET_STREAM);
    }

    private static String byMagic(byte[] h) {
        if (ascii(h, 4, "ftyp")) {
            if (ascii(h, 8, "qt  ")) {
                return "video/quicktime";
            }
            return ascii(h, 8, "M4A ") ? "audio/mp4" : "video/mp4";
        }
        if (ascii(h, 0, "RIFF")) {
            if (ascii(h, 8, "AVI ")) {
                return "video/x-msvideo";
            }
            if (ascii(h, 8, "WAVE")) {
                return "audio/wav";
            }
            return ascii(h, 8, "WEBP") ? "image/webp" : null;
        }
        if (bytes(h, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            String text = new String(h, StandardCharsets.ISO_8859_1);
            return text.contains("webm") ? "video/webm" : "video/x-matroska";
        }
        if (ascii(h, 0, "FLV")) {
            return "video/x-flv";
        }
        if (h.length > 188 && h[0] == 0x47 && h[188] == 0x47) {
            return "video/mp2t";
        }
        if (bytes(h, 0, 0x00, 0x00, 0x01, 0xBA)) {
            return "video/mpeg";
        }
        if (ascii(h, 0, "OggS")) {
            return "audio/ogg";
        }
        if (ascii(h, 0, "fLaC")) {
            return "audio/flac";
        }
        if (ascii(h, 0, "ID3")) {
            return "audio/mpeg";
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xE0) == 0xE0) {
            return (h[1] & 0x06) == 0 ? "audio/aac" : "audio/mpeg";
        }
        if (bytes(h, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (bytes(h, 0, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        return ascii(h, 0, "GIF8") ? "image/gif" : null;
    }

    private static boolean ascii(byte[] h, int offset, String text) {
        byte[] expected = text.getBytes(StandardCharsets.ISO_8859_1);
        if (h.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (h[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean bytes(byte[] h, int offset, int... expected) {
        if (h.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((h[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
