package io.vodkit.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.VodException;
import io.vodkit.client.http.TransportException;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FilePut}: its reply parsing on canned bytes, and whole exchanges (through {@link HttpTransport#sendFile})
 * against a raw loopback socket that reads the request and answers as told, well or badly.
 */
class FilePutTest {

    @TempDir
    Path dir;

    private final RawLoopbackServer raw = new RawLoopbackServer();
    private final HttpTransport transport = new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(1), false);

    @AfterEach
    void stop() throws IOException {
        raw.close();
        transport.close();
    }

    // --- the reply, parsed from canned bytes

    private static HttpTransport.FileReply parse(String reply) throws IOException {
        return parse(reply.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static HttpTransport.FileReply parse(byte[] reply) throws IOException {
        return FilePut.readReply(Channels.newChannel(new ByteArrayInputStream(reply)), () -> {}, () -> {});
    }

    private static String body(HttpTransport.FileReply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aContentLengthReplyIsReadToItsLengthWithItsHeaders() throws IOException {
        HttpTransport.FileReply reply =
                parse("HTTP/1.1 200 OK\r\nX-Tt-Logid: abc\r\nContent-Length: 7\r\n\r\n{\"a\":1}and more");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("x-tt-logid")).contains("abc");
        assertThat(body(reply)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aChunkedReplyIsDecodedWithExtensionsAndTrailersDropped() throws IOException {
        HttpTransport.FileReply reply = parse("HTTP/1.1 500 Server Error\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nTrailer: x\r\n\r\n");

        assertThat(reply.statusCode()).isEqualTo(500);
        assertThat(body(reply)).isEqualTo("{\"a\":1}");
    }

    @Test
    void aReplyWithoutFramingEndsWithTheConnection() throws IOException {
        HttpTransport.FileReply reply = parse("HTTP/1.0 503 Busy\nRetry-After: 1\n\nbusy, try later");

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).contains("1");
        assertThat(body(reply)).isEqualTo("busy, try later");
    }

    @Test
    void interimRepliesAreSkippedAndNoContentHasNoBody() throws IOException {
        HttpTransport.FileReply reply = parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");

        assertThat(reply.statusCode()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() throws IOException {
        byte[] head = "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] reply = Arrays.copyOf(head, head.length + FilePut.BODY_LIMIT);
        Arrays.fill(reply, head.length, reply.length, (byte) 'x');

        assertThat(parse(reply).body()).hasSize(FilePut.BODY_LIMIT);
    }

    @Test
    void oversizedRepliesAreRefused() {
        byte[] head = "HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] closeDelimited = Arrays.copyOf(head, head.length + FilePut.BODY_LIMIT + 1);
        String chunk = Integer.toHexString(FilePut.BODY_LIMIT / 2 + 1);

        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: " + (FilePut.BODY_LIMIT + 1) + "\r\n\r\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("over the limit");
        assertThatThrownBy(() -> parse(closeDelimited))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("over the limit");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + "\r\n"
                        + "x".repeat(FilePut.BODY_LIMIT / 2 + 1) + "\r\n" + chunk + "\r\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("over the limit");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nX-Big: " + "y".repeat(FilePut.HEAD_LIMIT) + "\r\n\r\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("reply head is over the limit");
    }

    @Test
    void truncatedRepliesAreErrors() {
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345"))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("5 of 10 body bytes");
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> parse("HTTP/1.1 200 OK\r\nContent-Le"))
                .isInstanceOf(EOFException.class)
                .hasMessageContaining("inside its head");
        assertThatThrownBy(() -> parse("")).isInstanceOf(EOFException.class);
    }

    @Test
    void garbageIsNoReply() {
        for (String garbage : new String[] {
            "SSH-2.0-OpenSSH_9.6\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\n\r\n",
            "HTTP/1.1 200OK\r\n\r\n",
            "HTTP/2 200\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\nab",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 101 Switching Protocols\r\n\r\n"
        }) {
            assertThatThrownBy(() -> parse(garbage)).as(garbage).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theHeadCarriesTheRequestHeadersAndItsFraming() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://h.example:8080/a%20b/c?partNumber=2&x=y"))
                .header("Authorization", "tok")
                .header("Content-CRC32", "0badf00d")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();

        String head = new String(FilePut.head(request, 42), StandardCharsets.ISO_8859_1);

        assertThat(head)
                .startsWith("PUT /a%20b/c?partNumber=2&x=y HTTP/1.1\r\n")
                .contains("Authorization: tok\r\n", "Content-CRC32: 0badf00d\r\n", "Host: h.example:8080\r\n")
                .endsWith("Content-Length: 42\r\n\r\n")
                .doesNotContain("Connection");
    }

    // --- whole exchanges against a raw socket

    /** What the fake server saw of one request. */
    private record Seen(String head, byte[] body) {}

    @FunctionalInterface
    private interface Answer {
        void write(Seen seen, OutputStream out) throws Exception;
    }

    /** Serves one connection: reads the head and {@code Content-Length} body bytes, then answers. */
    private URI serve(Answer answer, CompletableFuture<Seen> seen) throws IOException {
        return raw.serveOne("/obj/1?partNumber=1", socket -> {
            try {
                InputStream in = socket.getInputStream();
                String head = RawLoopbackServer.readHead(in);
                long length = Long.parseLong(head.replaceAll("(?s).*\r\nContent-Length: (\\d+)\r\n.*", "$1"));
                byte[] body = in.readNBytes((int) length);
                Seen request = new Seen(head, body);
                seen.complete(request);
                answer.write(request, socket.getOutputStream());
                socket.getOutputStream().flush();
            } catch (Exception e) {
                seen.completeExceptionally(e);
            }
        });
    }

    private static HttpRequest put(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Content-CRC32", "12345678")
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
    }

    private Path randomFile(int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(dir.resolve("data-" + size + ".bin"), data);
    }

    @Test
    void sendsExactlyTheRegionAndReturnsTheReply() throws Exception {
        Path file = randomFile(3_000_000);
        CompletableFuture<Seen> seen = new CompletableFuture<>();
        URI uri = serve(
                (request, out) -> out.write("HTTP/1.1 200 OK\r\nX-Tt-Logid: L1\r\nContent-Length: 2\r\n\r\n{}"
                        .getBytes(StandardCharsets.US_ASCII)),
                seen);
        AtomicLong reported = new AtomicLong();

        HttpTransport.FileReply reply;
        try (FileChannel channel = FileChannel.open(file)) {
            reply = transport.sendFile(put(uri), channel, 1234, 2_500_000, reported::addAndGet, () -> false, "Probe");
        }

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("X-Tt-Logid")).contains("L1");
        assertThat(new String(reply.body(), StandardCharsets.US_ASCII)).isEqualTo("{}");
        assertThat(reported.get()).isEqualTo(2_500_000);
        Seen request = seen.get(10, TimeUnit.SECONDS);
        assertThat(request.head())
                .startsWith("PUT /obj/1?partNumber=1 HTTP/1.1\r\n")
                .contains("Content-CRC32: 12345678\r\n", "Content-Length: 2500000\r\n");
        assertThat(request.body()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(file), 1234, 1234 + 2_500_000));
    }

    @Test
    void aCancelledBodyStopsTheRequest() throws Exception {
        Path file = randomFile(1_000_000);
        URI uri = serve((request, out) -> {}, new CompletableFuture<>());
        AtomicBoolean cancelled = new AtomicBoolean(true);

        try (FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(
                            () -> transport.sendFile(put(uri), channel, 0, 1_000_000, n -> {}, cancelled::get, "Probe"))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("upload cancelled");
        }
    }

    /** A body far larger than socket buffers (sparse: no disk used), to a server that never reads it. */
    private FileChannel sparse(long size) throws IOException {
        Path file = dir.resolve("sparse.bin");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return FileChannel.open(file);
    }

    @Test
    void aStalledBodyIsAbandonedAfterTheSilenceLimit() throws Exception {
        URI uri = raw.serveOne("/stalled", socket -> raw.awaitClose()); // never reads
        long started = System.nanoTime();

        try (FileChannel channel = sparse(1L << 30)) {
            assertThatThrownBy(() -> transport.sendFile(put(uri), channel, 0, 1L << 30, n -> {}, () -> false, "Probe"))
                    .isInstanceOfSatisfying(
                            TransportException.class,
                            e -> assertThat(e.requestSent()).isTrue())
                    .hasMessageContaining("Probe: nothing sent or received from 127.0.0.1:")
                    .hasMessageContaining("for 1 s");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSilentOrStalledReplyIsAbandonedAfterTheSilenceLimit() throws Exception {
        Path file = randomFile(100_000);
        URI uri = serve(
                (request, out) -> {
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    raw.awaitClose();
                },
                new CompletableFuture<>());

        try (FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(() -> transport.sendFile(put(uri), channel, 0, 100_000, n -> {}, () -> false, "Probe"))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("nothing sent or received from 127.0.0.1:");
        }
    }

    @Test
    void aResetOrTruncatedReplyIsATransportFailure() throws Exception {
        Path file = randomFile(100_000);
        URI uri = serve(
                (request, out) -> out.write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII)),
                new CompletableFuture<>());

        try (FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(() -> transport.sendFile(put(uri), channel, 0, 100_000, n -> {}, () -> false, "Probe"))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("I/O error talking to 127.0.0.1:")
                    .hasMessageContaining("1 of 100 body bytes");
        }
    }

    @Test
    void aReplyGivenBeforeTheWholeBodyIsStillRead() throws Exception {
        URI uri = raw.serveOne("/refused", socket -> {
            InputStream in = socket.getInputStream();
            RawLoopbackServer.readHead(in);
            in.readNBytes(64 * 1024);
            socket.getOutputStream()
                    .write("HTTP/1.1 413 Too Large\r\nContent-Length: 12\r\n\r\n{\"big\":true}"
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }); // closed with most of the body unread: the client's sending fails

        HttpTransport.FileReply reply;
        try (FileChannel channel = sparse(1L << 30)) {
            reply = transport.sendFile(put(uri), channel, 0, 1L << 30, n -> {}, () -> false, "Probe");
        }

        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(new String(reply.body(), StandardCharsets.US_ASCII)).isEqualTo("{\"big\":true}");
    }

    @Test
    void aRefusedConnectionSaysTheRequestWasNotSent() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        Path file = randomFile(10);
        URI uri = URI.create("http://127.0.0.1:" + port + "/x");

        try (FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(() -> transport.sendFile(put(uri), channel, 0, 10, n -> {}, () -> false, "Probe"))
                    .isInstanceOfSatisfying(
                            TransportException.class,
                            e -> assertThat(e.requestSent()).isFalse())
                    .hasMessageContaining("cannot connect to 127.0.0.1:" + port);
        }
    }

    @Test
    void anInterruptedSendIsAnInterruptionNotATransportFailure() throws Exception {
        CountDownLatch accepted = new CountDownLatch(1);
        URI uri = raw.serveOne("/x", socket -> {
            accepted.countDown();
            raw.awaitClose();
        });
        HttpTransport patient = new HttpTransport(Duration.ofSeconds(2), Duration.ofSeconds(60), false);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread sender = new Thread(() -> {
            try (FileChannel channel = sparse(1L << 30)) {
                patient.sendFile(put(uri), channel, 0, 1L << 30, n -> {}, () -> false, "Probe");
                failure.complete(null);
            } catch (Throwable t) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                failure.complete(t);
            }
        });
        try {
            sender.start();
            assertThat(accepted.await(10, TimeUnit.SECONDS)).isTrue();
            sender.interrupt();
            assertThat(failure.get(10, TimeUnit.SECONDS))
                    .isExactlyInstanceOf(VodException.class)
                    .hasMessage("Probe was interrupted");
            assertThat(stillInterrupted).as("the interrupt is kept").isTrue();
        } finally {
            patient.close();
        }
    }

    @Test
    void httpsIsRefused() throws Exception {
        Path file = randomFile(10);
        try (FileChannel channel = FileChannel.open(file)) {
            assertThatThrownBy(() -> transport.sendFile(
                            put(URI.create("https://127.0.0.1:1/x")), channel, 0, 10, n -> {}, () -> false, "P"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
