package io.vodkit.emulator;

import io.vodkit.emulator.internal.faults.FaultScript;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which requests fail on purpose, and how. {@code scripts} come first: a request on a script's route takes that
 * script's next step (the first such script with steps left), so tests know exactly which requests fail. Any other
 * request (except {@code /_vodkit/stats} and the console) fails with probability {@code rate}, with a {@link Fault}
 * drawn at random from {@code kinds}: what {@code vodkit serve --fault-rate} gives people.
 *
 * @param rate    0 (off, the default) to 1
 * @param kinds   the faults to draw from; empty only when {@code rate} is 0
 * @param stall   how long a {@link Fault#STALL} holds the connection (default {@value #DEFAULT_STALL_SECONDS} s:
 *                past a client's usual 60 s time-out, so the client has to give up and retry)
 * @param scripts the scripted faults, in the order they are tried
 */
public record FaultPlan(double rate, Set<Fault> kinds, Duration stall, List<FaultScript> scripts) {
    public static final long DEFAULT_STALL_SECONDS = 90;
    /** No faults. */
    public static final FaultPlan OFF =
            new FaultPlan(0, Set.of(), Duration.ofSeconds(DEFAULT_STALL_SECONDS), List.of());

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
        scripts = List.copyOf(scripts);
    }

    /** Every kind of fault at {@code rate}, the default stall, no script. */
    public static FaultPlan of(double rate) {
        return new FaultPlan(rate, EnumSet.allOf(Fault.class), Duration.ofSeconds(DEFAULT_STALL_SECONDS), List.of());
    }

    public boolean enabled() {
        return rate > 0 || !scripts.isEmpty();
    }

    /** The kinds drawn at random, in declaration order (the order draws index into). */
    public List<Fault> orderedKinds() {
        return Arrays.stream(Fault.values()).filter(kinds::contains).toList();
    }

    /** Every kind this plan can inject, drawn or scripted, in declaration order. */
    public List<Fault> possibleKinds() {
        Set<Fault> possible = EnumSet.noneOf(Fault.class);
        possible.addAll(kinds);
        scripts.forEach(script -> script.steps().forEach(step -> step.ifPresent(possible::add)));
        return List.copyOf(possible);
    }

    public FaultPlan withStall(Duration stall) {
        return new FaultPlan(rate, kinds, stall, scripts);
    }

    /** This plan with one more script: {@code withScript("CommitUploadInfo", "truncate, ok, 503")}. */
    public FaultPlan withScript(String route, String steps) {
        List<FaultScript> more = new ArrayList<>(scripts);
        more.add(FaultScript.parse(route, steps));
        return new FaultPlan(rate, kinds, stall, more);
    }
}
