package io.vodkit.cli.compare;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.client.VodException;
import io.vodkit.client.media.DownloadListener;
import io.vodkit.client.media.DownloadRequest;
import io.vodkit.client.media.MediaDownloader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Downloads media by URL into {@code $VODKIT_HOME/cache/media}, once per key: a second command comparing the same
 * media reads the cached file. The key is what names the media for good ({@code vid://…} with its space, or the URL
 * itself), not a signed URL that changes at every signing. The transfer is the client's {@link MediaDownloader}
 * (streamed into a {@code .part} file moved into place only when whole, resumed with {@code Range}, size-checked),
 * over a transport of its own made at the first download, so a plain URL needs no account.
 */
public final class MediaCache implements AutoCloseable {
    /** The largest download taken: compare reads a few frames, not a feature film's worth of bytes. */
    public static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;

    private final Path dir;
    private final Duration timeout;
    private MediaDownloader downloader;

    /** @param timeout how long a download may wait for the server's reply, or go without a byte moving */
    public MediaCache(Path home, Duration timeout) {
        this.dir = home.resolve("cache").resolve("media");
        this.timeout = timeout;
    }

    /**
     * The cached file for {@code key}, downloading {@code url} first when it is not cached yet.
     *
     * @throws CliException when the download fails (exit 1), e.g. the server answers other than 200 or the file is
     *                      larger than {@link #MAX_BYTES}
     */
    public Path fetch(String key, URI url) {
        Path file = dir.resolve(sha256(key) + extension(url));
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(dir);
            if (downloader == null) {
                downloader = MediaDownloader.open(timeout);
            }
            downloader.download(new DownloadRequest(url, file, false, -1, null, MAX_BYTES), DownloadListener.NONE);
            return file;
        } catch (IOException | VodException | IllegalArgumentException e) {
            throw new CliException(
                    ExitCodes.FAILED, "cannot download " + redacted(url) + ": " + e.getMessage(), Map.of(), e);
        }
    }

    @Override
    public void close() {
        if (downloader != null) {
            downloader.close();
        }
    }

    /** The URL without its query, where signatures live. */
    static String redacted(URI url) {
        String text = url.toString();
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query) + "?…";
    }

    private static String extension(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 || dot < path.lastIndexOf('/')
                ? ""
                : path.substring(dot).toLowerCase(Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".media";
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
