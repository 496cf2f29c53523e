package io.vodkit.client.media;

import java.nio.file.Path;

/** A completed download: where it is, its size and its MD5 (hex). {@code resumedFrom} bytes were kept from before. */
public record DownloadResult(Path path, long size, String md5, long resumedFrom) {}
