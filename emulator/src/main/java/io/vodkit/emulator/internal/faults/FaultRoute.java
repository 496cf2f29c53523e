package io.vodkit.emulator.internal.faults;

import io.vodkit.emulator.internal.api.QueryString;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests a {@link FaultScript} counts, written as in a log: an OpenAPI action ({@code CommitUploadInfo}: a
 * request to {@code /} whose query names that {@code Action}), or a method on the upload gateway and downloads (any
 * path but {@code /}), optionally only with a query parameter: {@code PUT /*} (every upload step),
 * {@code PUT /*?partNumber} (parts), {@code GET /*} (downloads and part listings).
 *
 * @param action    the OpenAPI action, or null for a gateway/download route
 * @param method    the HTTP method of a gateway/download route (upper case), or null for an action
 * @param parameter the query parameter a gateway/download request must have, or null for any
 */
public record FaultRoute(String action, String method, String parameter) {
    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Za-z0-9]*");
    private static final Pattern PATHS = Pattern.compile("([A-Za-z]+) /\\*(?:\\?([A-Za-z0-9_-]+))?");

    public FaultRoute {
        if ((action == null) == (method == null)) {
            throw new IllegalArgumentException("a fault route names an action or a method, not both");
        }
        if (action != null && parameter != null) {
            throw new IllegalArgumentException("an action route takes no query parameter: " + parameter);
        }
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    /** {@code CommitUploadInfo}, {@code PUT /*}, {@code PUT /*?partNumber}. */
    public static FaultRoute parse(String text) {
        String route = Objects.requireNonNull(text, "route == null").trim();
        if (ACTION.matcher(route).matches()) {
            return new FaultRoute(route, null, null);
        }
        Matcher paths = PATHS.matcher(route);
        if (paths.matches()) {
            return new FaultRoute(null, paths.group(1), paths.group(2));
        }
        throw new IllegalArgumentException("a fault route is an OpenAPI action (CommitUploadInfo) or a method on "
                + "the gateway and downloads (PUT /*, PUT /*?partNumber, GET /*): " + text);
    }

    /** Whether a request with this method, path and query is on the route. */
    boolean matches(String requestMethod, String path, QueryString query) {
        if (action != null) {
            return path.equals("/")
                    && query.first("Action").filter(action::equals).isPresent();
        }
        return !path.equals("/")
                && method.equalsIgnoreCase(requestMethod)
                && (parameter == null || query.has(parameter));
    }

    @Override
    public String toString() {
        return action != null ? action : method + " /*" + (parameter == null ? "" : "?" + parameter);
    }
}
