package io.vodkit.emulator.internal.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The seam where the network lab plugs into the listener: {@link HttpServer} passes every service request (OpenAPI,
 * upload gateway, downloads; never the stats query or the console, which watch the service) through its filters in
 * order, so the service itself knows nothing of injected faults or a shaped link. A filter may answer in the
 * service's place, wrap the request or response, or hold them up before passing them on to {@code chain}.
 */
public interface RequestFilter extends AutoCloseable {

    void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException;

    /** Ends at once whatever the filter holds up (a stopping listener does not wait for it); later holds end too. */
    @Override
    default void close() {}
}
