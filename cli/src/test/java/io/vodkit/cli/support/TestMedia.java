package io.vodkit.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    private TestMedia() {
    }

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
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": "
                        + new String(body.readNBytes(500)));
            }
            return md5(body);
        }
    }

    /** {@link #downloadMd5} once the server at {@code url} listens (a server that is still starting). */
    public static String awaitDownloadMd5(String url, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return downloadMd5(url);
            } catch (java.net.ConnectException notYetListening) {
                if (System.nanoTime() > deadline) {
                    throw notYetListening;
                }
                Thread.sleep(100);
            }
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
