package io.vodkit.emulator.faults;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which requests fail on purpose, and how: each request (except {@code /_vodkit/stats}) fails with probability
 * {@code rate}, with a {@link Fault} drawn uniformly from {@code kinds}.
 *
 * @param rate  0 (off, the default) to 1
 * @param kinds the faults to draw from; empty only when {@code rate} is 0
 * @param stall how long a {@link Fault#STALL} holds the connection (default {@value #DEFAULT_STALL_SECONDS} s: past a
 *              client's usual 60 s time-out, so the client has to give up and retry)
 * @param seed  seed of the draws; a fixed seed gives the same sequence of draws (tests), not the same faulted
 *              requests when requests run concurrently
 */
public record FaultPlan(double rate, Set<Fault> kinds, Duration stall, long seed) {
    public static final long DEFAULT_STALL_SECONDS = 90;
    /** No faults. */
    public static final FaultPlan OFF = new FaultPlan(0, Set.of(), Duration.ofSeconds(DEFAULT_STALL_SECONDS), 0);

    public FaultPlan {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("fault rate must be a number from 0 to 1: " + rate);
        }
        kinds = Set.copyOf(Objects.requireNonNull(kinds, "kinds == null"));
        if (rate > 0 && kinds.isEmpty()) {
            throw new IllegalArgumentException("fault rate " + rate + " needs at least one kind of fault");
        }
        Objects.requireNonNull(stall, "stall == null");
        if (stall.isNegative() || stall.isZero()) {
            throw new IllegalArgumentException("stall <= 0: " + stall);
        }
    }

    /** Every kind of fault at {@code rate}, the default stall and a random seed. */
    public static FaultPlan of(double rate) {
        return new FaultPlan(rate, EnumSet.allOf(Fault.class), Duration.ofSeconds(DEFAULT_STALL_SECONDS),
                new SecureRandom().nextLong());
    }

    public boolean enabled() {
        return rate > 0;
    }

    /** The kinds in declaration order (the order draws index into). */
    public List<Fault> orderedKinds() {
        return Arrays.stream(Fault.values()).filter(kinds::contains).toList();
    }

    public FaultPlan withStall(Duration stall) {
        return new FaultPlan(rate, kinds, stall, seed);
    }
}
