package io.vodkit.cli.compare;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.client.api.MediaInput;
import io.vodkit.client.api.MediaSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns what the user named into a local file: a path as it is; an http(s) URL downloaded to the cache; vid:// and
 * directurl:// signed into a play URL by the service (the same path as {@code vodkit play-url}), then downloaded.
 * The service is opened only when a vid:// or directurl:// needs it, so local files need no account.
 */
public final class CompareSources implements AutoCloseable {
    private final Path workingDir;
    private final MediaCache cache;
    private final Supplier<Backend> backendFactory;
    private final boolean ownsBackend;
    private Backend backend;

    /** Sources that open the service from {@code backendFactory} when first needed, and close it. */
    public CompareSources(Path workingDir, MediaCache cache, Supplier<Backend> backendFactory) {
        this(workingDir, cache, backendFactory, true);
    }

    private CompareSources(Path workingDir, MediaCache cache, Supplier<Backend> backendFactory, boolean owns) {
        this.workingDir = workingDir;
        this.cache = cache;
        this.backendFactory = backendFactory;
        this.ownsBackend = owns;
    }

    /** Sources that use a service already open, which stays open. */
    public static CompareSources borrowing(Path workingDir, MediaCache cache, Backend backend) {
        return new CompareSources(workingDir, cache, () -> backend, false);
    }

    /** Whether {@code source} is a local path (needs nothing but the disk). */
    public static boolean isLocal(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        return !lower.startsWith("http://")
                && !lower.startsWith("https://")
                && !lower.startsWith(MediaSource.VID_PREFIX)
                && !lower.startsWith(MediaSource.DIRECT_URL_PREFIX);
    }

    /** Refuses a local {@code source} that is not a file: cheap, so commands check it before any other work. */
    public static void checkLocal(Path workingDir, String role, String source) {
        if (isLocal(source) && !Files.isRegularFile(workingDir.resolve(source).normalize())) {
            throw CliException.invalidInput(role + ": no such file: " + source);
        }
    }

    /**
     * The local file for {@code source}.
     *
     * @param role BEFORE, AFTER or --reference, for error messages
     * @throws CliException invalid input for a missing file or an empty media name; failed for a download error
     */
    public Comparer.Named resolve(String role, String source) {
        if (isLocal(source)) {
            checkLocal(workingDir, role, source);
            return new Comparer.Named(source, workingDir.resolve(source).normalize());
        }
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            URI url;
            try {
                url = URI.create(source);
            } catch (IllegalArgumentException e) {
                throw CliException.invalidInput(role + ": not a valid URL: " + source);
            }
            return new Comparer.Named(source, cache.fetch(source, url));
        }
        MediaSource media = MediaSource.parse(source);
        if (media.value().isEmpty()) {
            throw CliException.invalidInput(role + ": no media named in '" + source + "'");
        }
        Backend service = backend();
        String url = media.prefixType().orElse(MediaInput.VID).equals(MediaInput.VID)
                ? service.playUrls().playUrlOfVid(media.value())
                : service.playUrls().playUrl(service.spaceName(), media.value());
        if (url.isEmpty()) {
            throw new CliException(
                    ExitCodes.FAILED,
                    role + ": the service gave no play URL for " + source + " in space " + service.spaceName(),
                    Map.of(),
                    null);
        }
        String key = service.spaceName() + "/" + source;
        return new Comparer.Named(source, cache.fetch(key, URI.create(url)));
    }

    /** The space vid:// and directurl:// were resolved in, once the service was needed. */
    public Optional<String> spaceName() {
        return Optional.ofNullable(backend).map(Backend::spaceName);
    }

    private Backend backend() {
        if (backend == null) {
            backend = backendFactory.get();
        }
        return backend;
    }

    /** Closes the cache's downloads, and the service when these sources opened it. */
    @Override
    public void close() {
        cache.close();
        if (backend != null && ownsBackend) {
            backend.close();
        }
    }
}
