package io.vodkit.emulator.internal.routing;

import io.javalin.http.Context;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.StatsBody;
import io.vodkit.emulator.internal.db.MediaRepository;
import io.vodkit.emulator.internal.service.MultipartUploads;
import io.vodkit.emulator.internal.service.ServerStats;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /_vodkit/stats}: request and byte counters for tests and benchmarks, for loopback callers only.
 * {@code uploads_in_progress} = unfinished multipart uploads + direct uploads being received; {@code vids} = media
 * committed (what a failed upload must not leave behind); {@code faults} counts
 * the injected faults by kind (empty when none are planned) and {@code faults_injected} is their sum;
 * {@code callbacks} counts the callbacks queued, delivered, given up after their last attempt, and dropped.
 */
public final class StatsEndpoint {
    public static final String PATH = "/_vodkit/stats";

    private final ServerStats stats;
    private final MultipartUploads multipartUploads;
    private final MediaRepository media;
    private final Supplier<Map<String, Long>> faults;
    private final Supplier<Map<String, Long>> callbacks;

    /**
     * @param faults    the faults injected so far by kind (the network lab's count)
     * @param callbacks the callbacks sent so far by outcome
     */
    public StatsEndpoint(
            ServerStats stats,
            MultipartUploads multipartUploads,
            MediaRepository media,
            Supplier<Map<String, Long>> faults,
            Supplier<Map<String, Long>> callbacks) {
        this.stats = stats;
        this.multipartUploads = multipartUploads;
        this.media = media;
        this.faults = faults;
        this.callbacks = callbacks;
    }

    public void handle(Context ctx) {
        if (!isLoopback(ctx.req().getRemoteAddr())) {
            ctx.status(403).contentType("text/plain; charset=utf-8").result("Forbidden");
            return;
        }
        Map<String, Long> injected = faults.get();
        StatsBody body = new StatsBody(
                stats.bytesReceived(),
                stats.requests(),
                multipartUploads.activeCount() + stats.directUploadsInFlight(),
                media.count(),
                injected.values().stream().mapToLong(Long::longValue).sum(),
                injected,
                callbacks.get());
        ctx.status(200).contentType("application/json; charset=utf-8").result(Json.bytes(body));
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
