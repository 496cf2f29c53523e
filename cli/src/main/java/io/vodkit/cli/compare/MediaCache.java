package io.vodkit.cli.compare;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Downloads media by URL into {@code $VODKIT_HOME/cache/media}, once per key: a second command comparing the same
 * media reads the cached file. The key is what names the media for good ({@code vid://…} with its space, or the URL
 * itself), not a signed URL that changes at every signing. A download goes to a {@code .part} file that is moved
 * into place only when complete, so an interrupted download is never taken for the media.
 */
public final class MediaCache {
    /** The largest download taken: compare reads a few frames, not a feature film's worth of bytes. */
    public static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;

    private final Path dir;
    private final Duration timeout;

    /** @param timeout how long a download may wait for the server's reply */
    public MediaCache(Path home, Duration timeout) {
        this.dir = home.resolve("cache").resolve("media");
        this.timeout = timeout;
    }

    /**
     * The cached file for {@code key}, downloading {@code url} first when it is not cached yet.
     *
     * @throws CliException when the download fails (exit 1) or the server answers other than 200
     */
    public Path fetch(String key, URI url) {
        Path file = dir.resolve(sha256(key) + extension(url));
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        HttpURLConnection connection = null;
        try {
            Files.createDirectories(dir);
            connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setInstanceFollowRedirects(true);
            int status = connection.getResponseCode();
            if (status != 200) {
                throw new CliException(ExitCodes.FAILED, "download of " + redacted(url) + " answered HTTP " + status,
                        Map.of(), null);
            }
            try (InputStream body = connection.getInputStream()) {
                copyBounded(body, partial);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException(ExitCodes.FAILED, "cannot download " + redacted(url) + ": " + e.getMessage(),
                    Map.of(), e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a stale .part is replaced by the next download
            }
        }
    }

    private static void copyBounded(InputStream body, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new IOException("larger than " + MAX_BYTES / (1024 * 1024 * 1024) + " GiB");
                }
                out.write(buffer, 0, n);
            }
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
        String ext = dot < 0 || dot < path.lastIndexOf('/') ? "" : path.substring(dot).toLowerCase(Locale.ROOT);
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
