package io.vodkit.client.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.http.TransportException;
import io.vodkit.client.internal.api.UploadHeader;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One storage-gateway PUT, shared by every step: {@code Authorization: <token>} plus the step's headers, sent
 * through the client's transport, reply read by {@link GatewayReply}. A request that gets no reply becomes a
 * retryable {@link StorageException}.
 */
public final class GatewayCall {

    private static final Logger LOG = LoggerFactory.getLogger(GatewayCall.class);
    /** Body-size allowance added to the request timeout: one second per this many bytes (a 256 KiB/s floor). */
    static final long BYTES_PER_EXTRA_SECOND = 256L * 1024;

    private final HttpTransport transport;
    private final StorageUrls urls;

    public GatewayCall(HttpTransport transport, StorageUrls urls) {
        this.transport = transport;
        this.urls = urls;
    }

    /**
     * Sends the PUT and returns the reply's {@code payload}.
     *
     * @param headers      step headers besides {@code Authorization}, in order
     * @param uploadHeaders UploadHeader pairs to add (empty for steps that do not send them)
     */
    public JsonNode put(
            GatewayStep step,
            int partNumber,
            StorageTarget target,
            String rawQuery,
            Map<String, String> headers,
            List<UploadHeader> uploadHeaders,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(urls.object(target.host(), target.storeUri(), rawQuery))
                .timeout(transport
                        .requestTimeout()
                        .plus(Duration.ofSeconds(body.contentLength() / BYTES_PER_EXTRA_SECOND)))
                .PUT(body);
        headers.forEach(request::header);
        uploadHeaders.forEach(h -> addUploadHeader(request, h));
        return exchange(request, step, partNumber, target, body.contentLength());
    }

    /** Sends {@code GET /<StoreUri>?<rawQuery>} (a gateway query step) and returns the reply's {@code payload}. */
    public JsonNode get(GatewayStep step, StorageTarget target, String rawQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(urls.object(target.host(), target.storeUri(), rawQuery))
                .timeout(transport.requestTimeout())
                .header(UploadPart.STORAGE_MODE, UploadPart.GATEWAY)
                .GET();
        return exchange(request, step, 0, target, 0);
    }

    private JsonNode exchange(
            HttpRequest.Builder request, GatewayStep step, int partNumber, StorageTarget target, long bodyBytes) {
        request.header("User-Agent", HttpTransport.USER_AGENT).header("Authorization", target.auth());
        long started = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = transport.send(request.build(), "storage " + step.label());
        } catch (TransportException e) {
            throw new StorageException(step, partNumber, target.host(), 0, 0, true, e.reason(), e);
        }
        String logId = response.headers().firstValue("X-Tt-Logid").orElse("");
        LOG.debug(
                "storage step={} part={} host={} status={} logid={} bytes={} elapsedMs={}",
                step,
                partNumber,
                target.host(),
                response.statusCode(),
                logId,
                bodyBytes,
                (System.nanoTime() - started) / 1_000_000);
        return GatewayReply.payload(step, partNumber, target.host(), response.statusCode(), logId, response.body());
    }

    /** Adds an UploadHeader pair, skipping (with a warning) a name the JDK client does not let callers set. */
    private static void addUploadHeader(HttpRequest.Builder request, UploadHeader header) {
        try {
            request.header(header.key(), header.value());
        } catch (IllegalArgumentException e) {
            LOG.warn("UploadHeader not sendable, skipped: name={} reason={}", header.key(), e.getMessage());
        }
    }

    /** A body that streams {@code region} from the file (see {@link RegionPublisher}). */
    static HttpRequest.BodyPublisher fileBody(FileRegion region, TransferControl control) {
        return region.length() == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(new RegionPublisher(region, control), region.length());
    }
}
