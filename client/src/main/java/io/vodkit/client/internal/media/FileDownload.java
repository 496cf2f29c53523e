package io.vodkit.client.internal.media;

import io.vodkit.client.VodException;
import io.vodkit.client.http.TransportException;
import io.vodkit.client.internal.Hex;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.media.DownloadListener;
import io.vodkit.client.media.DownloadRequest;
import io.vodkit.client.media.DownloadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One download: streamed into {@code .NAME.part} beside the target (redirects followed), resumed with {@code Range}
 * from the bytes already there (after a cut connection in this run, or left by an earlier run), bounded by the
 * request's size limit, checked against the expected size and MD5, then renamed onto the target.
 */
public final class FileDownload {
    /** Tries per download: each one after a cut connection resumes where the last one stopped. */
    static final int MAX_ATTEMPTS = 5;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (?:\\d+-\\d+|\\*)/(\\d+)");
    private static final int DIGEST_BUFFER = 64 * 1024;
    /** Redirects followed per request at most (a play URL or a plain URL may be moved once or twice). */
    private static final int MAX_REDIRECTS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpTransport transport;

    public FileDownload(HttpTransport transport) {
        this.transport = transport;
    }

    /** Where the bytes of {@code target} are gathered before the rename. */
    public static Path partFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    public DownloadResult run(DownloadRequest request, DownloadListener listener) {
        Path target = request.target();
        if (Files.isDirectory(target)) {
            throw new VodException(target + " is a directory");
        }
        if (Files.exists(target) && !request.overwrite()) {
            throw new VodException(target + " already exists (overwrite it with --force)");
        }
        Path part = partFile(target);
        long resumedFrom = sizeOf(part);
        long total = -1;
        for (int attempt = 1; ; attempt++) {
            try {
                total = fetch(request, part, listener);
                break;
            } catch (TransportException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new VodException(
                            "download of " + target.getFileName() + " failed after " + attempt + " tries ("
                                    + e.getMessage() + "); run the same command again to resume it",
                            e);
                }
            }
        }
        long size = sizeOf(part);
        long expected = request.expectedSize() >= 0 ? request.expectedSize() : total;
        if (expected >= 0 && size != expected) {
            discard(part);
            throw new VodException("downloaded " + size + " bytes of " + target.getFileName() + " but expected "
                    + expected + "; the partial file was removed");
        }
        String md5 = md5(part);
        if (request.expectedMd5() != null
                && !request.expectedMd5().isBlank()
                && !request.expectedMd5().equalsIgnoreCase(md5)) {
            discard(part);
            throw new VodException("the MD5 of the downloaded " + target.getFileName() + " is " + md5 + ", expected "
                    + request.expectedMd5().toLowerCase(Locale.ROOT) + "; the partial file was removed");
        }
        try {
            if (request.overwrite()) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new VodException("cannot move the download into place at " + target + ": " + e.getMessage(), e);
        }
        return new DownloadResult(target, size, md5, resumedFrom);
    }

    /**
     * One request (and the redirects it is sent on), appending to {@code part} from its current size; returns the
     * file's full size, -1 if unknown.
     */
    private long fetch(DownloadRequest request, Path part, DownloadListener listener) {
        long have = sizeOf(part);
        URI url = request.url();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<Long> response = send(request, url, part, have, listener);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (REDIRECTS.contains(status) && location.isPresent() && redirects < MAX_REDIRECTS) {
                url = url.resolve(location.get());
                continue;
            }
            if (status == 416 && have > 0) {
                Optional<Long> total = rangeTotal(response.headers().firstValue("Content-Range"));
                if (total.isPresent() && total.get() == have) {
                    return have;
                }
                discard(part);
                throw new TransportException(
                        "download", "the partial file did not fit the remote file; starting over", false, null);
            }
            if (status != 200 && status != 206) {
                throw new VodException("download of " + url.getHost() + url.getPath() + " failed: HTTP "
                        + status
                        + (status == 404
                                ? " (not found: deleted, or never stored)"
                                : status == 403 ? " (forbidden: the URL's signature is wrong or expired)" : ""));
            }
            return totalOf(response.headers(), status == 206 ? have : 0);
        }
    }

    private HttpResponse<Long> send(DownloadRequest request, URI url, Path part, long have, DownloadListener listener) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .header("User-Agent", HttpTransport.USER_AGENT)
                .GET();
        if (have > 0) {
            builder.header("Range", "bytes=" + have + "-");
        }
        try {
            return transport.send(
                    builder.build(),
                    info -> {
                        int status = info.statusCode();
                        if (status != 200 && status != 206) {
                            return HttpResponse.BodySubscribers.replacing(-1L);
                        }
                        long start = status == 206 ? have : 0;
                        long total = totalOf(info.headers(), start);
                        listener.onProgress(start, total);
                        return new FileWriter(part, status == 206, start, total, request.maxSize(), listener);
                    },
                    "download " + request.target().getFileName());
        } catch (VodException e) {
            if (e.getCause() instanceof TooLarge) {
                discard(part);
                throw new VodException(
                        "download of " + request.target().getFileName() + " refused: "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
            throw e;
        }
    }

    /** The whole file's size: Content-Range's total, else the body length plus where it starts; -1 if unknown. */
    private static long totalOf(HttpHeaders headers, long start) {
        return rangeTotal(headers.firstValue("Content-Range"))
                .orElseGet(() -> headers.firstValueAsLong("Content-Length").stream()
                        .map(length -> length + start)
                        .findFirst()
                        .orElse(-1L));
    }

    private static Optional<Long> rangeTotal(Optional<String> contentRange) {
        return contentRange.map(CONTENT_RANGE::matcher).filter(Matcher::matches).map(m -> Long.parseLong(m.group(1)));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void discard(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[DIGEST_BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return Hex.encode(digest.digest());
        } catch (IOException e) {
            throw new VodException("cannot read the download back from " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JDK", e);
        }
    }

    /** A file past the request's size limit. */
    private static final class TooLarge extends RuntimeException {
        TooLarge(long maxSize) {
            super("larger than the " + maxSize + " bytes allowed");
        }
    }

    /**
     * Writes the reply body to the part file, one buffer list at a time, telling the listener; its body is the bytes
     * written. A file past {@code maxSize} ends the exchange with {@link TooLarge}.
     */
    private static final class FileWriter implements HttpResponse.BodySubscriber<Long> {
        private final Path part;
        private final boolean append;
        private final long total;
        private final long maxSize;
        private final DownloadListener listener;
        private final CompletableFuture<Long> body = new CompletableFuture<>();
        private FileChannel channel;
        private Flow.Subscription subscription;
        private long done;

        FileWriter(Path part, boolean append, long start, long total, long maxSize, DownloadListener listener) {
            this.part = part;
            this.append = append;
            this.done = start;
            this.total = total;
            this.maxSize = maxSize;
            this.listener = listener;
        }

        @Override
        public CompletionStage<Long> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (tooLarge(total)) {
                return;
            }
            try {
                channel = append
                        ? FileChannel.open(
                                part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : FileChannel.open(
                                part,
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                subscription.cancel();
                throw new UncheckedIOException("cannot write " + part, e);
            }
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    while (buffer.hasRemaining()) {
                        done += channel.write(buffer);
                    }
                }
            } catch (IOException e) {
                subscription.cancel();
                close();
                throw new UncheckedIOException("cannot write " + part, e);
            }
            if (tooLarge(done)) {
                return;
            }
            listener.onProgress(done, total);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            close();
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            close();
            body.complete(done);
        }

        /** Ends the exchange when {@code size} is past the limit. */
        private boolean tooLarge(long size) {
            if (maxSize < 0 || size <= maxSize) {
                return false;
            }
            subscription.cancel();
            close();
            body.completeExceptionally(new TooLarge(maxSize));
            return true;
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.force(false);
                    channel.close();
                    channel = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + part, e);
            }
        }
    }
}
