package io.vodkit.client.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * One plain-{@code http} HTTP/1.1 request whose body is a file region, sent over a blocking {@link SocketChannel}
 * without the JDK HTTP client: the request head in one write, then the region with {@link FileChannel#transferTo}
 * (sendfile: the bytes go from the page cache to the socket, never through the heap), in bounded calls so progress is
 * reported and cancellation honoured between them. One connection per request, closed once the reply is read; the
 * reply is read with strict bounds (head ≤ {@value #HEAD_LIMIT} bytes, body ≤
 * {@value #BODY_LIMIT} bytes; framed by {@code Content-Length}, chunked, or the end of the connection).
 *
 * <p>Not thread-safe, except {@link #silentNanos()}, {@link #replyBegun()} and {@link #abort()}, which a watchdog
 * calls: {@link #abort()} shuts the socket down both ways, so a write or read blocked on it returns (closing it from
 * another thread would not wake a thread inside sendfile). The caller ({@link HttpTransport#sendFile}) owns the time
 * limits.
 */
final class FilePut {

    /**
     * Body bytes of the first {@code transferTo} call; between two calls, progress is reported and cancellation
     * checked. A call that took less than {@link #QUICK_NANOS} doubles the next one, up to {@value #MAX_CHUNK_BYTES};
     * one that took more than {@link #SLOW_NANOS} halves it again: a fast link costs few calls (1 GiB on loopback: ~0.1
     * s of CPU less than fixed 256 KiB calls), a slow one still shows progress (and proves it is moving) at least
     * every few tenths of a second.
     */
    static final int CHUNK_BYTES = 256 * 1024;

    static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;
    static final long QUICK_NANOS = 25_000_000;
    static final long SLOW_NANOS = 100_000_000;

    static final int HEAD_LIMIT = 64 * 1024;
    static final int BODY_LIMIT = 1024 * 1024;

    private final HttpRequest request;
    private final FileChannel file;
    private final long offset;
    private final long length;
    private final LongConsumer sent;
    private final BooleanSupplier cancelled;

    private final AtomicLong lastNanos = new AtomicLong(System.nanoTime());
    private volatile boolean replyBegun;
    private volatile boolean aborted;
    private volatile SocketChannel channel;
    /** Whether sending failed on the connection itself (so the server may have replied early). */
    private boolean socketFailed;

    /**
     * @param request   method, URI ({@code http://host[:port]/path?query}) and headers; its body is ignored
     * @param sent      told of each chunk of body bytes handed to the socket
     * @param cancelled polled between chunks; when true the request fails
     */
    FilePut(
            HttpRequest request,
            FileChannel file,
            long offset,
            long length,
            LongConsumer sent,
            BooleanSupplier cancelled) {
        this.request = request;
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.sent = sent;
        this.cancelled = cancelled;
    }

    /** Nanoseconds since bytes last moved either way (or since this request was made). */
    long silentNanos() {
        return System.nanoTime() - lastNanos.get();
    }

    /** Whether the reply's head has arrived. */
    boolean replyBegun() {
        return replyBegun;
    }

    /** Ends the exchange from another thread: a blocked connect, write or read fails soon after. */
    void abort() {
        aborted = true;
        SocketChannel socket = channel;
        if (socket == null) {
            return;
        }
        try {
            if (socket.isConnected()) {
                socket.shutdownInput();
                socket.shutdownOutput();
            } else {
                socket.close(); // a connect in progress is woken by close
            }
        } catch (IOException | RuntimeException e) {
            // already closed or failed: the sender sees that
        }
    }

    private void touch() {
        lastNanos.set(System.nanoTime());
    }

    /** Sends the request and reads the reply; the connection is closed on return. */
    HttpTransport.FileReply run(Duration connectTimeout) throws IOException {
        URI uri = request.uri();
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        try (SocketChannel socket = SocketChannel.open()) {
            channel = socket;
            if (aborted) {
                throw new IOException("aborted");
            }
            connect(socket, new InetSocketAddress(uri.getHost(), port), connectTimeout);
            touch();
            socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
            try {
                writeFully(socket, ByteBuffer.wrap(head(request, length)));
                sendBody(socket);
            } catch (IOException sendFailed) {
                if (!socketFailed) {
                    throw sendFailed;
                }
                // A server may answer before it has taken the whole body (a refusal) and close: its reply, if one
                // arrived, says more than the broken connection. After a reset or a close, reading does not wait.
                try {
                    return readReply(socket, this::touch, () -> replyBegun = true);
                } catch (IOException noReply) {
                    sendFailed.addSuppressed(noReply);
                    throw sendFailed;
                }
            }
            return readReply(socket, this::touch, () -> replyBegun = true);
        }
    }

    /**
     * Notes that the connection failed while sending (not the file, an interrupt or an abort), so a reply may
     * still be waiting; returns {@code e}.
     */
    private IOException sending(IOException e) {
        socketFailed = file.isOpen() && !aborted && !Thread.currentThread().isInterrupted();
        return e;
    }

    private static void connect(SocketChannel socket, InetSocketAddress address, Duration timeout) throws IOException {
        if (address.isUnresolved()) {
            throw new ConnectException("cannot resolve " + address.getHostString());
        }
        try {
            socket.socket().connect(address, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        } catch (ConnectException e) {
            // as the JDK client reports it (no message): the transport words it the same for both paths
            ConnectException refused = new ConnectException();
            refused.initCause(e);
            throw refused;
        } catch (SocketTimeoutException e) {
            HttpConnectTimeoutException timedOut = new HttpConnectTimeoutException(
                    "connect to " + address + " timed out after " + timeout.toMillis() + " ms");
            timedOut.initCause(e);
            throw timedOut;
        }
    }

    /** The request line and headers: the request's own headers, then Host and Content-Length. */
    static byte[] head(HttpRequest request, long contentLength) {
        URI uri = request.uri();
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        StringBuilder head = new StringBuilder(512);
        head.append(request.method()).append(' ').append(carriable(target)).append(" HTTP/1.1\r\n");
        request.headers().map().forEach((name, values) -> {
            for (String value : values) {
                head.append(carriable(name))
                        .append(": ")
                        .append(carriable(value))
                        .append("\r\n");
            }
        });
        head.append("Host: ").append(carriable(uri.getRawAuthority())).append("\r\n");
        // No "Connection: close", though the connection serves this request only (it is closed once the reply is
        // read): asked to close, a server may end its reply by closing instead of framing it, and a reply cut short
        // would then pass for a whole one.
        head.append("Content-Length: ").append(contentLength).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code s}, if it has no control character (tab aside) and nothing beyond ISO-8859-1. */
    private static String carriable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("request head has a character HTTP/1.1 cannot carry: " + excerpt(s));
            }
        }
        return s;
    }

    private void writeFully(SocketChannel socket, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            int n;
            try {
                n = socket.write(bytes);
            } catch (IOException e) {
                throw sending(e);
            }
            if (n > 0) {
                touch();
            }
        }
    }

    private void sendBody(SocketChannel socket) throws IOException {
        long done = 0;
        long chunk = CHUNK_BYTES;
        while (done < length) {
            if (cancelled.getAsBoolean()) {
                throw new IOException("upload cancelled because another request of it failed");
            }
            long at = offset + done;
            long callStarted = System.nanoTime();
            long n;
            try {
                n = file.transferTo(at, Math.min(chunk, length - done), socket);
            } catch (IOException e) {
                throw sending(e);
            }
            long took = System.nanoTime() - callStarted;
            if (n <= 0) {
                if (at >= file.size()) {
                    throw new EOFException("file ended at offset " + at + " (it shrank while uploading?)");
                }
                if (aborted || !socket.isOpen()) {
                    throw new IOException("connection shut down while sending");
                }
                continue;
            }
            done += n;
            touch();
            sent.accept(n);
            if (took < QUICK_NANOS) {
                chunk = Math.min(MAX_CHUNK_BYTES, chunk * 2);
            } else if (took > SLOW_NANOS) {
                chunk = Math.max(CHUNK_BYTES, chunk / 2);
            }
        }
    }

    /**
     * Reads one reply from {@code in}: interim {@code 1xx} replies are skipped; the body is framed by chunked
     * encoding, {@code Content-Length}, or the end of the input.
     *
     * @param onBytes  called whenever bytes arrive
     * @param onHead   called once the final reply's head has been read
     * @throws IOException on a malformed, truncated or oversized reply
     */
    static HttpTransport.FileReply readReply(ReadableByteChannel in, Runnable onBytes, Runnable onHead)
            throws IOException {
        Input input = new Input(in, onBytes);
        while (true) {
            input.headBudget = HEAD_LIMIT;
            int status = statusCode(input.line());
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line = input.line(); !line.isEmpty(); line = input.line()) {
                int colon = line.indexOf(':');
                if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    throw new IOException("malformed reply header line: " + excerpt(line));
                }
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            if (status >= 100 && status < 200) {
                if (status == 101) {
                    throw new IOException("unexpected reply 101 (switching protocols)");
                }
                continue;
            }
            onHead.run();
            HttpHeaders httpHeaders = HttpHeaders.of(headers, (name, value) -> true);
            byte[] body = status == 204 || status == 304 ? new byte[0] : body(input, headers);
            return new HttpTransport.FileReply(status, httpHeaders, body);
        }
    }

    private static int statusCode(String line) throws IOException {
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (line.length() < 12
                || !line.startsWith("HTTP/1.")
                || line.charAt(8) != ' '
                || (line.length() > 12 && line.charAt(12) != ' ')) {
            throw new IOException("malformed reply status line: " + excerpt(line));
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new IOException("malformed reply status line: " + excerpt(line));
            }
            status = status * 10 + (c - '0');
        }
        if (status < 100) {
            throw new IOException("malformed reply status line: " + excerpt(line));
        }
        return status;
    }

    private static byte[] body(Input input, Map<String, List<String>> headers) throws IOException {
        List<String> encodings = headers.get("Transfer-Encoding");
        if (encodings != null) {
            String last = encodings.get(encodings.size() - 1);
            String[] codings = last.split(",");
            if (codings[codings.length - 1].trim().equalsIgnoreCase("chunked")) {
                return chunked(input);
            }
            return untilEnd(input);
        }
        List<String> lengths = headers.get("Content-Length");
        if (lengths != null) {
            long declared = contentLength(lengths);
            if (declared > BODY_LIMIT) {
                throw new IOException("reply body of " + declared + " bytes is over the limit of " + BODY_LIMIT);
            }
            byte[] body = new byte[(int) declared];
            input.readFully(body, 0, body.length);
            return body;
        }
        return untilEnd(input);
    }

    private static long contentLength(List<String> values) throws IOException {
        long length = -1;
        for (String value : values) {
            for (String item : value.split(",")) {
                long parsed;
                try {
                    parsed = Long.parseLong(item.trim());
                } catch (NumberFormatException e) {
                    throw new IOException("malformed reply Content-Length: " + excerpt(value));
                }
                if (parsed < 0 || (length >= 0 && parsed != length)) {
                    throw new IOException("malformed reply Content-Length: " + excerpt(value));
                }
                length = parsed;
            }
        }
        return length;
    }

    private static byte[] chunked(Input input) throws IOException {
        Body body = new Body();
        while (true) {
            input.headBudget = HEAD_LIMIT;
            String sizeLine = input.line();
            int end = sizeLine.indexOf(';');
            String hex = (end < 0 ? sizeLine : sizeLine.substring(0, end)).trim();
            long size;
            try {
                size = hex.isEmpty() || hex.length() > 8 ? -1 : Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw new IOException("malformed chunk size in reply: " + excerpt(sizeLine));
            }
            if (size == 0) {
                while (!input.line().isEmpty()) {
                    // trailers, dropped
                }
                return body.bytes();
            }
            body.read(input, size);
            if (!input.line().isEmpty()) {
                throw new IOException("malformed chunk in reply: no line end after its data");
            }
        }
    }

    private static byte[] untilEnd(Input input) throws IOException {
        Body body = new Body();
        while (body.readSome(input)) {
            // until the end of the input
        }
        return body.bytes();
    }

    private static String excerpt(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder safe = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> safe.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
        return "\"" + safe + "\"";
    }

    /** A reply body up to {@link #BODY_LIMIT} bytes. */
    private static final class Body {
        private byte[] bytes = new byte[1024];
        private int size;

        void read(Input input, long n) throws IOException {
            if (size + n > BODY_LIMIT) {
                throw new IOException("reply body is over the limit of " + BODY_LIMIT + " bytes");
            }
            room((int) n);
            input.readFully(bytes, size, (int) n);
            size += (int) n;
        }

        /** Reads what is available; false at the end of the input. */
        boolean readSome(Input input) throws IOException {
            if (size == BODY_LIMIT) {
                if (input.readSome(new byte[1], 0, 1) < 0) {
                    return false;
                }
                throw new IOException("reply body is over the limit of " + BODY_LIMIT + " bytes");
            }
            room(1);
            int n = input.readSome(bytes, size, bytes.length - size);
            if (n < 0) {
                return false;
            }
            size += n;
            return true;
        }

        /** Grows the array to hold at least {@code more} bytes after {@code size} (never past the limit). */
        private void room(int more) {
            if (bytes.length - size < more) {
                bytes = Arrays.copyOf(bytes, (int)
                        Math.min(BODY_LIMIT, Math.max(size + (long) more, 2L * bytes.length)));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Buffered reads from the channel; lines count against {@link #headBudget}. */
    private static final class Input {
        private final ReadableByteChannel in;
        private final Runnable onBytes;
        private final ByteBuffer buffer = ByteBuffer.allocate(8192).flip();
        int headBudget;

        Input(ReadableByteChannel in, Runnable onBytes) {
            this.in = in;
            this.onBytes = onBytes;
        }

        /** Fills the buffer if empty; false at the end of the input. */
        private boolean fill() throws IOException {
            while (!buffer.hasRemaining()) {
                buffer.clear();
                int n = in.read(buffer);
                buffer.flip();
                if (n < 0) {
                    return false;
                }
                if (n > 0) {
                    onBytes.run();
                }
            }
            return true;
        }

        /** One CRLF- (or LF-) terminated line without its end, as ISO-8859-1. */
        String line() throws IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (!fill()) {
                    throw new EOFException("reply ended early (connection closed inside its head)");
                }
                if (--headBudget < 0) {
                    throw new IOException("reply head is over the limit of " + HEAD_LIMIT + " bytes");
                }
                char c = (char) (buffer.get() & 0xff);
                if (c == '\n') {
                    int last = line.length() - 1;
                    if (last >= 0 && line.charAt(last) == '\r') {
                        line.setLength(last);
                    }
                    return line.toString();
                }
                line.append(c);
            }
        }

        void readFully(byte[] into, int at, int n) throws IOException {
            int done = 0;
            while (done < n) {
                int got = readSome(into, at + done, n - done);
                if (got < 0) {
                    throw new EOFException("reply ended early (" + done + " of " + n + " body bytes)");
                }
                done += got;
            }
        }

        /** Reads up to {@code n} bytes; -1 at the end of the input. */
        int readSome(byte[] into, int at, int n) throws IOException {
            if (!fill()) {
                return -1;
            }
            int take = Math.min(n, buffer.remaining());
            buffer.get(into, at, take);
            return take;
        }
    }

    @Override
    public String toString() {
        return "FilePut[" + request.method() + " " + request.uri().getRawAuthority() + ", " + length + " bytes]";
    }
}
