package io.vodkit.emulator.internal.routing;

import java.io.IOException;

/** One storage-gateway step; returns the {@code payload} of the success reply. */
@FunctionalInterface
interface GatewayStep {
    Object handle(GatewayRequest request) throws IOException;
}
