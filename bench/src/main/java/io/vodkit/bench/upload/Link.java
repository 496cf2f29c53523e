package io.vodkit.bench.upload;

/**
 * A link profile the emulator simulates.
 *
 * @param latencyMs      added before each response
 * @param bytesPerSecond request-body rate per connection; 0 = unlimited
 */
record Link(String name, long latencyMs, long bytesPerSecond) {

    static final Link LOOPBACK = new Link("loopback", 0, 0);
    static final Link SHAPED = new Link("shaped 40 ms, 16 MB/s per connection", 40, 16_000_000);
}
