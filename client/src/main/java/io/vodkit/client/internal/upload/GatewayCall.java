package io.vodkit.client.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.http.TransportException;
import io.vodkit.client.internal.api.UploadHeader;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import java.net.http.HttpHeaders;
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
        HttpRequest request = putRequest(target, rawQuery, headers, uploadHeaders, body, body.contentLength());
        return exchange(
                step,
                partNumber,
                target,
                body.contentLength(),
                () -> Reply.of(transport.send(request, "storage " + step.label())));
    }

    /**
     * Sends the PUT with {@code region} as its body and returns the reply's {@code payload}. To a plain
     * {@code http} host the region goes through {@link HttpTransport#sendFile} (sendfile, no copy through the heap,
     * none of the JDK client's per-slice work); to an {@code https} one as a {@link RegionPublisher} body.
     */
    public JsonNode putFile(
            GatewayStep step,
            int partNumber,
            StorageTarget target,
            String rawQuery,
            Map<String, String> headers,
            List<UploadHeader> uploadHeaders,
            FileRegion region,
            TransferControl control) {
        if (region.length() == 0 || !urls.plainHttp()) {
            return put(step, partNumber, target, rawQuery, headers, uploadHeaders, fileBody(region, control));
        }
        // the body publisher is never used: the request carries the URI, the (checked) headers and the timeout
        HttpRequest request = putRequest(
                target, rawQuery, headers, uploadHeaders, HttpRequest.BodyPublishers.noBody(), region.length());
        return exchange(step, partNumber, target, region.length(), () -> {
            HttpTransport.FileReply reply = transport.sendFile(
                    request,
                    region.channel(),
                    region.offset(),
                    region.length(),
                    control::onBytesSent,
                    control::cancelled,
                    "storage " + step.label());
            return new Reply(reply.statusCode(), reply.headers(), reply.body());
        });
    }

    /** Sends {@code GET /<StoreUri>?<rawQuery>} (a gateway query step) and returns the reply's {@code payload}. */
    public JsonNode get(GatewayStep step, StorageTarget target, String rawQuery) {
        HttpRequest request = common(
                HttpRequest.newBuilder(urls.object(target.host(), target.storeUri(), rawQuery))
                        .timeout(transport.requestTimeout())
                        .header(UploadPart.STORAGE_MODE, UploadPart.GATEWAY)
                        .GET(),
                target);
        return exchange(step, 0, target, 0, () -> Reply.of(transport.send(request, "storage " + step.label())));
    }

    private HttpRequest putRequest(
            StorageTarget target,
            String rawQuery,
            Map<String, String> headers,
            List<UploadHeader> uploadHeaders,
            HttpRequest.BodyPublisher body,
            long bodyBytes) {
        HttpRequest.Builder request = HttpRequest.newBuilder(urls.object(target.host(), target.storeUri(), rawQuery))
                .timeout(transport.requestTimeout().plus(Duration.ofSeconds(bodyBytes / BYTES_PER_EXTRA_SECOND)))
                .PUT(body);
        headers.forEach(request::header);
        uploadHeaders.forEach(h -> addUploadHeader(request, h));
        return common(request, target);
    }

    private static HttpRequest common(HttpRequest.Builder request, StorageTarget target) {
        return request.header("User-Agent", HttpTransport.USER_AGENT)
                .header("Authorization", target.auth())
                .build();
    }

    /** A reply's status, headers and body, from either transport path. */
    private record Reply(int status, HttpHeaders headers, byte[] body) {
        static Reply of(HttpResponse<byte[]> response) {
            return new Reply(response.statusCode(), response.headers(), response.body());
        }
    }

    /** One request of a gateway step: its reply, or a {@link TransportException}. */
    @FunctionalInterface
    private interface Exchange {
        Reply send();
    }

    private JsonNode exchange(
            GatewayStep step, int partNumber, StorageTarget target, long bodyBytes, Exchange exchange) {
        long started = System.nanoTime();
        Reply response;
        try {
            response = exchange.send();
        } catch (TransportException e) {
            throw new StorageException(step, partNumber, target.host(), 0, 0, true, e.reason(), e);
        }
        String logId = response.headers().firstValue("X-Tt-Logid").orElse("");
        LOG.debug(
                "storage step={} part={} host={} status={} logid={} bytes={} elapsedMs={}",
                step,
                partNumber,
                target.host(),
                response.status(),
                logId,
                bodyBytes,
                (System.nanoTime() - started) / 1_000_000);
        return GatewayReply.payload(step, partNumber, target.host(), response.status(), logId, response.body());
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
