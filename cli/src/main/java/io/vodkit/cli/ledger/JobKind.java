package io.vodkit.cli.ledger;

import java.util.Optional;

/** What a recorded job does: a URL pull upload (UploadMediaByUrl) or a quality restoration (StartExecution). */
public enum JobKind {
    PULL,
    RESTORE;

    /** The name in the ledger, the output and {@code --kind}: {@code pull} or {@code restore}. */
    public String wireName() {
        return WireNames.of(this);
    }

    public static Optional<JobKind> fromWire(String name) {
        return WireNames.parse(JobKind.class, name);
    }
}
