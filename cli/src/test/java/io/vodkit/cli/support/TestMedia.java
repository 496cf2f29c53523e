package io.vodkit.cli.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Test files made at test time, streamed to disk, and digests of files and downloads. */
public final class TestMedia {
    private static final int CHUNK = 1 << 20;

    private TestMedia() {}

    /** A file of {@code size} pseudo-random bytes (reproducible by seed), written 1 MiB at a time. */
    public static Path randomFile(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += CHUNK) {
                for (int i = 0; i < CHUNK; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        chunk[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(chunk, 0, (int) Math.min(CHUNK, size - written));
            }
        }
        return file;
    }

    public static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return md5(in);
        }
    }

    /** Downloads {@code url} and returns the MD5 of the body; fails unless the status is 200. */
    public static String downloadMd5(String url) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AssertionError(
                        "GET " + url + " answered " + response.statusCode() + ": " + new String(body.readNBytes(500)));
            }
            return md5(body);
        }
    }

    /**
     * Downloads {@code url} from a server that fails on purpose, and returns the MD5 of the body: an error status, a
     * reset, a stall (no byte for {@code timeout}) or a body shorter than its Content-Length is tried again, up to
     * {@code attempts} times. The body must be as long as the Content-Length the server sends with it.
     */
    public static String downloadMd5ThroughFaults(String url, Duration timeout, int attempts) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout((int) timeout.toMillis());
            connection.setReadTimeout((int) timeout.toMillis());
            try {
                int status = connection.getResponseCode();
                if (status == 200) {
                    String md5;
                    long length;
                    try (CountingInputStream body = new CountingInputStream(connection.getInputStream())) {
                        md5 = md5(body);
                        length = body.count();
                    }
                    if (connection.getContentLengthLong() >= 0 && length != connection.getContentLengthLong()) {
                        throw new IOException(
                                "body ended after " + length + " of " + connection.getContentLengthLong() + " bytes");
                    }
                    return md5;
                }
                if (status < 500) {
                    throw new AssertionError("GET " + url + " answered " + status);
                }
                last = new IOException("HTTP " + status);
            } catch (IOException e) {
                last = e;
            } finally {
                connection.disconnect();
            }
        }
        throw last;
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }

        long count() {
            return count;
        }
    }

    private static String md5(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
                digesting.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
