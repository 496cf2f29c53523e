package io.vodkit.emulator.routing;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/**
 * Link simulation for realistic measurements, off by default: a fixed latency added before every response, and a
 * per-connection rate limit on request bodies (one {@link TokenBucket} per TCP connection, kept while the
 * connection lives, so the requests of a keep-alive connection share its rate).
 */
public final class LinkShaper {
    /** Bucket capacity: one server read buffer, so a fresh or idle connection gets no real burst. */
    static final long BURST_BYTES = 64 * 1024;

    private static final LinkShaper OFF = new LinkShaper(Duration.ZERO, 0);

    private final Duration latency;
    private final long bytesPerSecond;
    private final Map<EndPoint, TokenBucket> buckets = Collections.synchronizedMap(new WeakHashMap<>());

    private LinkShaper(Duration latency, long bytesPerSecond) {
        this.latency = latency;
        this.bytesPerSecond = bytesPerSecond;
    }

    /**
     * @param latency        delay before each response; zero for none
     * @param bytesPerSecond request-body rate per connection; 0 for unlimited
     */
    public static LinkShaper of(Duration latency, long bytesPerSecond) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency < 0: " + latency);
        }
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("bytesPerSecond < 0: " + bytesPerSecond);
        }
        return latency.isZero() && bytesPerSecond == 0 ? OFF : new LinkShaper(latency, bytesPerSecond);
    }

    /** No latency, no rate limit. */
    public static LinkShaper off() {
        return OFF;
    }

    /** The request body of {@code ctx}, paced to this connection's rate when a rate is set. */
    InputStream body(Context ctx) throws IOException {
        InputStream body = ctx.req().getInputStream();
        if (bytesPerSecond == 0) {
            return body;
        }
        EndPoint connection = Request.getBaseRequest(ctx.req()).getHttpChannel().getEndPoint();
        TokenBucket bucket = buckets.computeIfAbsent(connection, c -> new TokenBucket(bytesPerSecond, BURST_BYTES));
        return new ObservedInputStream(body, bytes -> pace(bucket, bytes));
    }

    /** After a read: waits until {@code bucket} has paid for the {@code bytes} read. */
    private static void pace(TokenBucket bucket, int bytes) throws IOException {
        long waitNanos = bucket.take(bytes, System.nanoTime());
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while pacing the request body");
            }
        }
    }

    /** Waits out the simulated latency; call once per request, before its response goes out. */
    void delayResponse() throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        }
    }
}
