package io.vodkit.emulator.internal.service;

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
    /** Longest accepted Description, in characters (UpdateMediaInfo, media-management.md A7). */
    public static final int MAX_DESCRIPTION_CHARS = 1024;
    /** Most tags one media may carry (docs-limits). */
    public static final int MAX_TAGS = 16;
    /** Most Vids per GetMediaInfos, DeleteMedia and UpdateMediaStorageClass. */
    public static final int MAX_VIDS = 20;
    /** Largest GetMediaList PageSize; its default is {@value #DEFAULT_PAGE_SIZE}. */
    public static final int MAX_PAGE_SIZE = 100;

    public static final int DEFAULT_PAGE_SIZE = 10;
    /** Largest GetMediaList Offset. */
    public static final int MAX_OFFSET = 10_000;
    /** Most FileNames per DeleteMediaTosFile. */
    public static final int MAX_FILE_NAMES = 1000;

    private Limits() {}
}
