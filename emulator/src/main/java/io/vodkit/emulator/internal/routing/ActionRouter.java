package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.ApiError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI route table: (Action, Version) → handler. Adding an action is one {@link #register} line. */
public final class ActionRouter {
    private record Route(String action, String version) {}

    private final Map<Route, ActionHandler> routes = new HashMap<>();

    /** Registers {@code handler} for {@code action} at each of {@code versions}. */
    public ActionRouter register(String action, List<String> versions, ActionHandler handler) {
        for (String version : versions) {
            if (routes.putIfAbsent(new Route(action, version), handler) != null) {
                throw new IllegalStateException("duplicate route " + action + " " + version);
            }
        }
        return this;
    }

    /** The handler, or INVALID_ACTION_OR_VERSION. */
    public ActionHandler route(String action, String version) {
        ActionHandler handler = routes.get(new Route(action, version));
        if (handler == null) {
            throw ApiError.INVALID_ACTION_OR_VERSION.exception(action, version);
        }
        return handler;
    }
}
