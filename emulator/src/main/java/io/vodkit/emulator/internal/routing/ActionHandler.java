package io.vodkit.emulator.internal.routing;

import java.io.IOException;

/** One OpenAPI action: reads its parameters, calls the service, returns the {@code Result} object. */
@FunctionalInterface
public interface ActionHandler {
    Object handle(Params params) throws IOException;
}
