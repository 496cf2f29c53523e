package io.vodkit.emulator.internal.routing;

import io.javalin.http.Context;
import io.vodkit.emulator.Disk;
import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.api.GatewayException;
import io.vodkit.emulator.internal.api.GatewayResponse;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.QueryString;
import io.vodkit.emulator.internal.security.UploadTokenClaims;
import io.vodkit.emulator.internal.security.UploadTokens;
import io.vodkit.emulator.internal.service.DirectUploads;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.MultipartUploads;
import io.vodkit.emulator.internal.service.ObjectPublisher;
import io.vodkit.emulator.internal.service.ServerStats;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The storage upload gateway (spec §6): every step is a request to {@code /<StoreUri>} authorised by the
 * {@code Auth} token ApplyUploadInfo issued for exactly that StoreUri. Replies use the §6.2 body and carry
 * {@code X-Tt-Logid}. A committed StoreUri is immutable: every step on it is refused, its token has ended.
 */
public final class GatewayEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayEndpoint.class);
    static final String LOG_ID_HEADER = "X-Tt-Logid";

    private final UploadTokens tokens;
    private final Ids ids;
    private final ServerStats stats;
    private final GatewayStep direct;
    private final GatewayStep init;
    private final GatewayStep part;
    private final GatewayStep complete;
    private final GatewayStep listParts;
    private final ObjectPublisher publisher;

    public GatewayEndpoint(
            UploadTokens tokens,
            Ids ids,
            ServerStats stats,
            DirectUploads directUploads,
            MultipartUploads multipartUploads,
            ObjectPublisher publisher) {
        this.publisher = publisher;
        this.tokens = tokens;
        this.ids = ids;
        this.stats = stats;
        this.direct = new DirectUploadStep(directUploads, stats);
        this.init = new InitUploadStep(multipartUploads);
        this.part = new UploadPartStep(multipartUploads);
        this.complete = new CompleteUploadStep(multipartUploads);
        this.listParts = new ListPartsStep(multipartUploads);
    }

    /** Whether a GET is a gateway call (part listing) rather than a download. */
    public static boolean isGatewayGet(Context ctx) {
        try {
            return QueryString.parse(ctx.req().getQueryString()).has("uploadID");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public void put(Context ctx) {
        respond(ctx, query -> {
            if (query.has("uploads")) {
                return init;
            } else if (query.has("partNumber")) {
                return part;
            } else if (query.has("uploadID")) {
                return complete;
            }
            return direct;
        });
    }

    public void get(Context ctx) {
        respond(ctx, query -> listParts);
    }

    private interface StepSelector {
        GatewayStep select(QueryString query);
    }

    private void respond(Context ctx, StepSelector selector) {
        String logId = ids.requestId();
        ctx.header(LOG_ID_HEADER, logId);
        String path = ctx.req().getRequestURI();
        try {
            String storeUri = StorePath.decode(path);
            QueryString query = parseQuery(ctx.req().getQueryString());
            UploadTokenClaims claims = tokens.verify(ctx.header("Authorization"), storeUri);
            publisher.requireUncommitted(storeUri);
            GatewayRequest request = new GatewayRequest(
                    claims,
                    query,
                    ctx::header,
                    BodyChannel.of(ctx.req().getInputStream(), stats::bytesReceived),
                    ctx.req().getContentLengthLong());
            Object payload = selector.select(query).handle(request);
            write(ctx, 200, GatewayResponse.ok(payload));
        } catch (GatewayException e) {
            LOG.info(
                    "Gateway request refused method={} path={} logid={} status={} error={} message={}",
                    ctx.req().getMethod(),
                    path,
                    logId,
                    e.error().httpStatus(),
                    e.error().errorName(),
                    e.getMessage());
            write(ctx, e.error().httpStatus(), GatewayResponse.failed(e));
        } catch (IOException | RuntimeException e) {
            if (Disk.isFull(e)) {
                LOG.warn(
                        "Gateway request failed: no space left on the disk method={} path={} logid={} error={}",
                        ctx.req().getMethod(),
                        path,
                        logId,
                        e.toString());
                GatewayException full = GatewayError.DISK_FULL.exception(logId);
                write(ctx, full.error().httpStatus(), GatewayResponse.failed(full));
                return;
            }
            LOG.error(
                    "Gateway request failed method={} path={} logid={}",
                    ctx.req().getMethod(),
                    path,
                    logId,
                    e);
            GatewayException failure = GatewayError.INTERNAL_ERROR.exception(logId);
            write(ctx, failure.error().httpStatus(), GatewayResponse.failed(failure));
        }
    }

    private static QueryString parseQuery(String rawQuery) {
        try {
            return QueryString.parse(rawQuery);
        } catch (IllegalArgumentException e) {
            throw GatewayError.INVALID_REQUEST.exception("malformed query string");
        }
    }

    private static void write(Context ctx, int status, GatewayResponse response) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.bytes(response));
    }
}
