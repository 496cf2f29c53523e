package io.vodkit.client.media;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A file to fetch.
 *
 * @param url          an http(s) URL (a signed play URL)
 * @param target       the file to write; it is written as {@code .NAME.part} beside it and renamed when complete
 * @param overwrite    replace {@code target} when it exists (else the download is refused before any request)
 * @param expectedSize the size the file must have, or -1 when unknown (the reply's length is checked anyway)
 * @param expectedMd5  the hex MD5 the file must have, or null when unknown
 * @param maxSize      the most bytes taken, or -1 for no limit: a larger file is refused when its reply says its
 *                     size, else stopped when it grows past it, and its partial file removed
 */
public record DownloadRequest(
        URI url, Path target, boolean overwrite, long expectedSize, String expectedMd5, long maxSize) {
    /** A download of any size. */
    public DownloadRequest(URI url, Path target, boolean overwrite, long expectedSize, String expectedMd5) {
        this(url, target, overwrite, expectedSize, expectedMd5, -1);
    }

    public DownloadRequest {
        Objects.requireNonNull(url, "url == null");
        Objects.requireNonNull(target, "target == null");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URLs can be downloaded: " + url);
        }
    }
}
