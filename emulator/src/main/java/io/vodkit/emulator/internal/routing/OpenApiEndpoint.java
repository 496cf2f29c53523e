package io.vodkit.emulator.internal.routing;

import io.javalin.http.Context;
import io.vodkit.emulator.Disk;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.ApiException;
import io.vodkit.emulator.internal.api.ApiResponse;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.QueryString;
import io.vodkit.emulator.internal.api.ResponseMetadata;
import io.vodkit.emulator.internal.security.SignatureVerifier;
import io.vodkit.emulator.internal.security.SignedRequest;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.ServerStats;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|POST /?Action=…&Version=…}: verifies the signature, merges the parameters, routes to the action's
 * handler and wraps the outcome in the §4.1 envelope.
 */
public record OpenApiEndpoint(
        SignatureVerifier verifier, ActionRouter router, Ids ids, ServerStats stats, String region) {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiEndpoint.class);
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    public void handle(Context ctx) {
        String requestId = ids.requestId();
        String rawQuery = ctx.req().getQueryString();
        String action = "";
        String version = "";
        try {
            QueryString query = parseQuery(rawQuery);
            action = query.first("Action").orElse("");
            version = query.first("Version").orElse("");
            byte[] body = readBody(ctx);
            verifier.verify(new SignedRequest(ctx.req().getMethod(), rawQuery, headers(ctx), body));
            if (action.isEmpty()) {
                throw ApiError.MISSING_PARAMETER.exception("Action");
            }
            if (version.isEmpty()) {
                throw ApiError.MISSING_PARAMETER.exception("Version");
            }
            Object result = router.route(action, version).handle(Params.parse(query, ctx.contentType(), body));
            write(ctx, 200, new ApiResponse(metadata(requestId, action, version, null), result));
            LOG.debug("OpenAPI action={} version={} requestId={} status=200", action, version, requestId);
        } catch (ApiException e) {
            LOG.info(
                    "OpenAPI action={} version={} requestId={} status={} code={} message={}",
                    action,
                    version,
                    requestId,
                    e.error().httpStatus(),
                    e.error().code(),
                    e.getMessage());
            fail(ctx, requestId, action, version, e);
        } catch (IOException | RuntimeException e) {
            if (Disk.isFull(e)) {
                LOG.warn(
                        "OpenAPI action={} version={} requestId={} failed: no space left on the disk error={}",
                        action,
                        version,
                        requestId,
                        e.toString());
                fail(ctx, requestId, action, version, ApiError.DISK_FULL.exception());
                return;
            }
            LOG.error("OpenAPI action={} version={} requestId={} failed", action, version, requestId, e);
            fail(ctx, requestId, action, version, ApiError.INTERNAL_ERROR.exception());
        }
    }

    /** Any other method on {@code /}. */
    public void methodNotAllowed(Context ctx) {
        fail(ctx, ids.requestId(), "", "", ApiError.METHOD_NOT_ALLOWED.exception());
    }

    private void fail(Context ctx, String requestId, String action, String version, ApiException e) {
        write(
                ctx,
                e.error().httpStatus(),
                new ApiResponse(metadata(requestId, action, version, ResponseMetadata.ErrorInfo.of(e)), null));
    }

    private ResponseMetadata metadata(
            String requestId, String action, String version, ResponseMetadata.ErrorInfo error) {
        return new ResponseMetadata(requestId, action, version, ResponseMetadata.SERVICE, region, error);
    }

    private static void write(Context ctx, int status, ApiResponse response) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(Json.bytes(response));
    }

    private static QueryString parseQuery(String rawQuery) {
        try {
            return QueryString.parse(rawQuery);
        } catch (IllegalArgumentException e) {
            throw ApiError.INVALID_PARAMETER.exception("query", rawQuery, "malformed percent-encoding");
        }
    }

    private byte[] readBody(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            throw ApiError.REQUEST_TOO_LARGE.exception(MAX_BODY_BYTES);
        }
        try (InputStream in = new ObservedInputStream(ctx.req().getInputStream(), stats::bytesReceived)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw ApiError.REQUEST_TOO_LARGE.exception(MAX_BODY_BYTES);
            }
            return body;
        }
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }
}
