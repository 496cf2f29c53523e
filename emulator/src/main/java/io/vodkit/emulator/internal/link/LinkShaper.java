package io.vodkit.emulator.internal.link;

import io.vodkit.emulator.internal.routing.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Link simulation for realistic measurements, off by default: a fixed latency added to every service request before
 * the service sees it (so before its response), and a per-connection rate limit on request bodies (one
 * {@link TokenBucket} per TCP connection, kept while the connection lives, so the requests of a keep-alive
 * connection share its rate). Off, it passes requests straight on.
 */
public final class LinkShaper implements RequestFilter {
    /** Bucket capacity: one server read buffer, so a fresh or idle connection gets no real burst. */
    static final long BURST_BYTES = 64 * 1024;

    private final Duration latency;
    private final long bytesPerSecond;
    private final Map<EndPoint, TokenBucket> buckets = Collections.synchronizedMap(new WeakHashMap<>());

    private LinkShaper(Duration latency, long bytesPerSecond) {
        this.latency = latency;
        this.bytesPerSecond = bytesPerSecond;
    }

    /**
     * @param latency        delay before each request is handled; zero for none
     * @param bytesPerSecond request-body rate per connection; 0 for unlimited
     */
    public static LinkShaper of(Duration latency, long bytesPerSecond) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency < 0: " + latency);
        }
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond < 0: " + bytesPerSecond);
        }
        return new LinkShaper(latency, bytesPerSecond);
    }

    @Override
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        delay();
        chain.doFilter(bytesPerSecond == 0 ? request : new PacedRequest(request, bucket(request)), response);
    }

    private TokenBucket bucket(HttpServletRequest request) {
        EndPoint connection = Request.getBaseRequest(request).getHttpChannel().getEndPoint();
        return buckets.computeIfAbsent(connection, c -> new TokenBucket(bytesPerSecond, BURST_BYTES));
    }

    private void delay() throws InterruptedIOException {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while delaying the request");
        }
    }

    /** A request whose body (read as bytes, as the service reads it) comes at the connection's rate. */
    private static final class PacedRequest extends HttpServletRequestWrapper {
        private final TokenBucket bucket;
        private ServletInputStream body;

        PacedRequest(HttpServletRequest request, TokenBucket bucket) {
            super(request);
            this.bucket = bucket;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new PacedInputStream(super.getInputStream(), bucket);
            }
            return body;
        }
    }
}
