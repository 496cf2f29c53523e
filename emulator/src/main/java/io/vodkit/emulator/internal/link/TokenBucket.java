package io.vodkit.emulator.internal.link;

/**
 * A token bucket of bytes: it fills at {@code bytesPerSecond} up to {@code burstBytes} and starts full. Taking more
 * bytes than it holds leaves it in debt, and the answer is how long the taker must wait for the debt to be paid
 * back. Pure arithmetic on caller-supplied nanosecond times; thread-safe.
 */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double bytesPerNano;
    private final double burstBytes;
    private double tokens;
    private long lastNanos;
    private boolean started;

    /**
     * @param bytesPerSecond refill rate, &gt; 0
     * @param burstBytes     capacity, &gt; 0
     */
    TokenBucket(long bytesPerSecond, long burstBytes) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond <= 0: " + bytesPerSecond);
        }
        if (burstBytes <= 0) {
            throw new IllegalArgumentException("burstBytes <= 0: " + burstBytes);
        }
        this.bytesPerNano = bytesPerSecond / NANOS_PER_SECOND;
        this.burstBytes = burstBytes;
        this.tokens = burstBytes;
    }

    /**
     * Takes {@code bytes} at time {@code nowNanos} (any monotonic origin) and returns the nanoseconds to wait before
     * they may pass: 0 while the bucket covers them.
     */
    synchronized long take(long bytes, long nowNanos) {
        if (started) {
            tokens = Math.min(burstBytes, tokens + Math.max(0, nowNanos - lastNanos) * bytesPerNano);
        }
        started = true;
        lastNanos = nowNanos;
        tokens -= bytes;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / bytesPerNano);
    }
}
