package io.vodkit.emulator.service;

import java.time.Duration;

/** Service limits and lifetimes. */
public final class Limits {
    /** Largest part number of a multipart upload. */
    public static final int MAX_PART_NUMBER = 10_000;
    /** Largest single part, and largest direct upload: 5 GiB. */
    public static final long MAX_PART_BYTES = 5L * 1024 * 1024 * 1024;
    /** How long an upload token ({@code Auth}) stays valid. */
    public static final Duration UPLOAD_TOKEN_LIFETIME = Duration.ofHours(24);
    /** How long an unfinished multipart upload is kept. */
    public static final Duration MULTIPART_LIFETIME = Duration.ofHours(24);
    /** Longest accepted CallbackArgs, in UTF-8 bytes. */
    public static final int MAX_CALLBACK_ARGS_BYTES = 512;
    /** Longest accepted AddOptionInfo Title, in characters. */
    public static final int MAX_TITLE_CHARS = 512;

    private Limits() {
    }
}
