package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.ApiError;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * ApplyUploadInfo's FileName and FileExtension rules (spec §5.1), plus the emulator's own: no empty, {@code .} or
 * {@code ..} segments, no {@code %}/{@code #} or control characters (a gateway URL path could not address such a
 * name unambiguously), and the {@code _vodkit/} prefix is reserved for generated objects such as posters.
 */
public final class FileNameRules {
    /** FileName prefix of objects the emulator generates itself. */
    public static final String RESERVED_PREFIX = "_vodkit/";

    private static final int MAX_FILE_NAME_BYTES = 2048;
    private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9._-]{1,7}");
    private static final String FORBIDDEN = "?$\\%#";

    private FileNameRules() {}

    public static void validateFileName(String fileName) {
        if (fileName.getBytes(StandardCharsets.UTF_8).length > MAX_FILE_NAME_BYTES) {
            throw invalid("FileName", fileName, "longer than " + MAX_FILE_NAME_BYTES + " bytes");
        }
        if (fileName.startsWith("/")) {
            throw invalid("FileName", fileName, "must not start with /");
        }
        if (fileName.startsWith(RESERVED_PREFIX)) {
            throw invalid("FileName", fileName, "the prefix " + RESERVED_PREFIX + " is reserved");
        }
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw invalid("FileName", fileName, String.format("control character U+%04X is not allowed", (int) c));
            }
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw invalid("FileName", fileName, "the character " + c + " is not allowed");
            }
        }
        for (String segment : fileName.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw invalid("FileName", fileName, "empty, . and .. path segments are not allowed");
            }
        }
    }

    public static void validateExtension(String extension) {
        if (!EXTENSION.matcher(extension).matches()) {
            throw invalid("FileExtension", extension, "must start with . and have at most 8 characters");
        }
    }

    private static RuntimeException invalid(String parameter, String value, String reason) {
        return ApiError.INVALID_PARAMETER.exception(parameter, value, reason);
    }
}
