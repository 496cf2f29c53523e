package io.vodkit.cli.ledger;

import java.util.Arrays;
import java.util.Optional;

/** A recorded job's last known state, the same words for both kinds (the service's own spelling is kept beside). */
public enum JobState {
    RUNNING("running"), SUCCESS("success"), FAILED("failed");

    private final String wireName;

    JobState(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the ledger, the output and {@code --state}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<JobState> fromWire(String name) {
        return Arrays.stream(values()).filter(state -> state.wireName.equals(name)).findFirst();
    }
}
