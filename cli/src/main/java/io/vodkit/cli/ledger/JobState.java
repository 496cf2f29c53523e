package io.vodkit.cli.ledger;

import java.util.Optional;

/** A recorded job's last known state, the same words for both kinds (the service's own spelling is kept beside). */
public enum JobState {
    RUNNING,
    SUCCESS,
    FAILED;

    /** The name in the ledger, the output and {@code --state}: {@code running}, {@code success} or {@code failed}. */
    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<JobState> fromWire(String name) {
        return WireNames.parse(JobState.class, name);
    }
}
