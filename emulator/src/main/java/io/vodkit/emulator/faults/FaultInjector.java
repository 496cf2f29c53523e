package io.vodkit.emulator.faults;

import io.vodkit.emulator.api.QueryString;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardSocketOptions;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A servlet filter in front of every endpoint (OpenAPI, upload gateway, downloads) that makes requests fail as its
 * {@link FaultPlan} says; one path (the stats query) is never faulted. Each fault is counted and logged at debug.
 * {@link #close()} ends running stalls at once, so a stopping emulator does not wait for them.
 */
public final class FaultInjector implements Filter, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
    /** Most request-body bytes read and dropped before a 5xx answer; the connection closes on a longer body. */
    static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final FaultPlan plan;
    private final List<Fault> kinds;
    private final String exemptPath;
    private final Random random;
    private final Map<Fault, LongAdder> injected = new EnumMap<>(Fault.class);
    private final CountDownLatch closed = new CountDownLatch(1);

    /** @param exemptPath a request path that is never faulted */
    public FaultInjector(FaultPlan plan, String exemptPath) {
        this.plan = plan;
        this.kinds = plan.orderedKinds();
        this.exemptPath = exemptPath;
        this.random = new Random(plan.seed());
        kinds.forEach(fault -> injected.put(fault, new LongAdder()));
    }

    /** Whether any request can fail (the filter need not be installed otherwise). */
    public boolean enabled() {
        return plan.enabled();
    }

    /** Faults injected so far, by {@link Fault#label()}, for every kind in the plan. */
    public Map<String, Long> injected() {
        Map<String, Long> counts = new LinkedHashMap<>();
        injected.forEach((fault, count) -> counts.put(fault.label(), count.sum()));
        return counts;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Optional<Fault> fault = exemptPath.equals(request.getRequestURI()) ? Optional.empty() : draw();
        if (fault.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        injected.get(fault.get()).increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("Fault injected fault={} method={} path={} action={}", fault.get().label(), request.getMethod(),
                    request.getRequestURI(), action(request.getQueryString()));
        }
        switch (fault.get()) {
            case ERROR_500 -> answer(request, response, 500, "Internal Server Error (injected fault)", null);
            case ERROR_503 -> answer(request, response, 503, "Service Unavailable (injected fault)", "1");
            case RESET -> {
                long length = request.getContentLengthLong();
                drop(request.getInputStream(), length > 0 ? length / 2 : 0);
                closeConnection(request, true);
            }
            case STALL -> cutResponse(request, response, chain, true);
            case TRUNCATE -> cutResponse(request, response, chain, false);
        }
    }

    /** Ends running stalls at once; later stalls end at once too. */
    @Override
    public void close() {
        closed.countDown();
    }

    /** The OpenAPI action a query names, or {@code ""} (never the rest of the query, which may carry a signature). */
    private static String action(String rawQuery) {
        try {
            return QueryString.parse(rawQuery).first("Action").orElse("");
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    private synchronized Optional<Fault> draw() {
        if (random.nextDouble() >= plan.rate()) {
            return Optional.empty();
        }
        return Optional.of(kinds.get(random.nextInt(kinds.size())));
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String text,
                               String retryAfter) throws IOException {
        drop(request.getInputStream(), MAX_DRAIN_BYTES);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        if (retryAfter != null) {
            response.setHeader("Retry-After", retryAfter);
        }
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Handles the request, but cuts its response half-way (after a stall, if {@code stall}). */
    private void cutResponse(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                             boolean stall) throws IOException, ServletException {
        CutResponse cut = new CutResponse(response, () -> {
            if (stall) {
                awaitStall();
            }
            closeConnection(request, false);
        });
        try {
            chain.doFilter(request, cut);
        } finally {
            cut.finish();
        }
    }

    private void awaitStall() {
        try {
            closed.await(plan.stall().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the request's TCP connection: with a reset (RST) when {@code reset}, else an orderly close (FIN). */
    private static void closeConnection(ServletRequest request, boolean reset) throws IOException {
        EndPoint endPoint = Request.getBaseRequest(request).getHttpChannel().getEndPoint();
        if (reset && endPoint.getTransport() instanceof NetworkChannel channel) {
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
        endPoint.close();
    }

    /** Reads and drops up to {@code max} bytes of {@code in}. */
    private static void drop(InputStream in, long max) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        long left = max;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }
}
