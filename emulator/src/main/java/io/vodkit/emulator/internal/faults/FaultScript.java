package io.vodkit.emulator.internal.faults;

import io.vodkit.emulator.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the next requests on one route get, in order: each step a {@link Fault} or none ({@code ok}: the request is
 * served); once the steps are used up, requests on the route are served (or meet the plan's random faults). Unlike
 * a random draw, a script makes the same requests fail on every run, whatever else runs at the same time.
 *
 * @param route which requests take the steps
 * @param steps one per request, in the order the requests arrive; an empty step lets its request through
 */
public record FaultScript(FaultRoute route, List<Optional<Fault>> steps) {

    public FaultScript {
        Objects.requireNonNull(route, "route == null");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a fault script needs at least one step");
        }
    }

    /**
     * A script from its written form: {@code parse("CommitUploadInfo", "truncate, ok, 503")}. Steps are {@code ok},
     * {@code 500}, {@code 503}, {@code reset}, {@code stall}, {@code truncate} (or a {@link Fault#label()}).
     */
    public static FaultScript parse(String route, String steps) {
        List<Optional<Fault>> parsed = new ArrayList<>();
        for (String step : steps.split(",")) {
            parsed.add(step(step.trim()));
        }
        return new FaultScript(FaultRoute.parse(route), parsed);
    }

    private static Optional<Fault> step(String text) {
        if (text.equals("ok")) {
            return Optional.empty();
        }
        for (Fault fault : Fault.values()) {
            if (text.equals(fault.label()) || text.equals(fault.label().replace("error_", ""))) {
                return Optional.of(fault);
            }
        }
        throw new IllegalArgumentException(
                "a fault script step is ok, 500, 503, reset, stall or truncate: '" + text + "'");
    }

    @Override
    public String toString() {
        return route + ": "
                + String.join(
                        ", ",
                        steps.stream()
                                .map(step -> step.map(Fault::label).orElse("ok"))
                                .toList());
    }
}
