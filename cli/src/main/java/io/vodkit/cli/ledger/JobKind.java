package io.vodkit.cli.ledger;

import java.util.Arrays;
import java.util.Optional;

/** What a recorded job does: a URL pull upload (UploadMediaByUrl) or a quality restoration (StartExecution). */
public enum JobKind {
    PULL("pull"), RESTORE("restore");

    private final String wireName;

    JobKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the ledger, the output and {@code --kind}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<JobKind> fromWire(String name) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
    }
}
