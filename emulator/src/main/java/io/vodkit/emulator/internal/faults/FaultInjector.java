package io.vodkit.emulator.internal.faults;

import io.vodkit.emulator.Fault;
import io.vodkit.emulator.FaultPlan;
import io.vodkit.emulator.internal.api.QueryString;
import io.vodkit.emulator.internal.routing.RequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network lab's fault injection: a {@link RequestFilter} that makes service requests fail as its
 * {@link FaultPlan} says, a script's next step first, else a random draw. Each fault is counted and logged at debug.
 * {@link #close()} ends running stalls at once, so a stopping emulator does not wait for them.
 */
public final class FaultInjector implements RequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
    /** Most request-body bytes read and dropped before a 5xx answer; the connection closes on a longer body. */
    static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

    private static final int BUFFER_BYTES = 64 * 1024;

    private final FaultPlan plan;
    private final List<Fault> kinds;
    /** Per script of the plan, how many requests on its route took a step so far. */
    private final List<AtomicInteger> taken;

    private final Map<Fault, LongAdder> injected = new EnumMap<>(Fault.class);
    private final CountDownLatch closed = new CountDownLatch(1);

    public FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.kinds = plan.orderedKinds();
        this.taken = plan.scripts().stream().map(script -> new AtomicInteger()).toList();
        plan.possibleKinds().forEach(fault -> injected.put(fault, new LongAdder()));
    }

    /** Faults injected so far, by {@link Fault#label()}, for every kind in the plan. */
    public Map<String, Long> injected() {
        Map<String, Long> counts = new LinkedHashMap<>();
        injected.forEach((fault, count) -> counts.put(fault.label(), count.sum()));
        return counts;
    }

    @Override
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Fault> fault = plan.enabled() ? next(request) : Optional.empty();
        if (fault.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        injected.get(fault.get()).increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug(
                    "Fault injected fault={} method={} path={} action={}",
                    fault.get().label(),
                    request.getMethod(),
                    request.getRequestURI(),
                    query(request).first("Action").orElse("")); // never the signature
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

    /** The request's query; empty when malformed (the service itself refuses it, unless a fault comes first). */
    private static QueryString query(HttpServletRequest request) {
        try {
            return QueryString.parse(request.getQueryString());
        } catch (IllegalArgumentException malformed) {
            return QueryString.parse(null);
        }
    }

    /** The next step of the first script on the request's route with steps left, else a random draw. */
    private Optional<Fault> next(HttpServletRequest request) {
        if (!plan.scripts().isEmpty()) {
            QueryString query = query(request);
            for (int i = 0; i < taken.size(); i++) {
                FaultScript script = plan.scripts().get(i);
                if (script.route().matches(request.getMethod(), request.getRequestURI(), query)) {
                    int step = taken.get(i).getAndIncrement();
                    if (step < script.steps().size()) {
                        return script.steps().get(step);
                    }
                }
            }
        }
        return draw();
    }

    private Optional<Fault> draw() {
        if (plan.rate() == 0) {
            return Optional.empty();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (random.nextDouble() >= plan.rate()) {
            return Optional.empty();
        }
        return Optional.of(kinds.get(random.nextInt(kinds.size())));
    }

    private static void answer(
            HttpServletRequest request, HttpServletResponse response, int status, String text, String retryAfter)
            throws IOException {
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
    private void cutResponse(HttpServletRequest request, HttpServletResponse response, FilterChain chain, boolean stall)
            throws IOException, ServletException {
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
