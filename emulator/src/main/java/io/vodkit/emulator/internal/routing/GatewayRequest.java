package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.QueryString;
import io.vodkit.emulator.internal.security.UploadTokenClaims;
import java.nio.channels.ReadableByteChannel;
import java.util.function.Function;

/**
 * An authorised storage-gateway request.
 *
 * @param claims        the verified upload token (its StoreUri equals the request path)
 * @param header        header lookup by name (case-insensitive), null when absent
 * @param contentLength the declared body length, -1 when unknown
 */
record GatewayRequest(
        UploadTokenClaims claims,
        QueryString query,
        Function<String, String> header,
        ReadableByteChannel body,
        long contentLength) {}
