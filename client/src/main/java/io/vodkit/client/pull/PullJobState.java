package io.vodkit.client.pull;

import java.util.Locale;
import java.util.Map;

/**
 * The state of a URL pull job. QueryUploadTaskInfo spellings differ between sources (spec §8.2): the current doc's
 * {@code initial/processing/success/failed} and the older {@code init/process/success/fail}; the skill also treats
 * {@code error} as a failure. {@link #of} is the one place that maps them, ignoring case.
 */
public enum PullJobState {
    INITIAL(false),
    PROCESSING(false),
    SUCCESS(true),
    FAILED(true),
    /** A spelling no source lists: treated as still running. */
    UNKNOWN(false);

    private static final Map<String, PullJobState> SPELLINGS = Map.of(
            "initial",
            INITIAL,
            "init",
            INITIAL,
            "processing",
            PROCESSING,
            "process",
            PROCESSING,
            "success",
            SUCCESS,
            "failed",
            FAILED,
            "fail",
            FAILED,
            "error",
            FAILED);

    private final boolean done;

    PullJobState(boolean done) {
        this.done = done;
    }

    /** The state a service spelling stands for; {@link #UNKNOWN} for anything else (including {@code ""}). */
    public static PullJobState of(String spelling) {
        return spelling == null
                ? UNKNOWN
                : SPELLINGS.getOrDefault(spelling.trim().toLowerCase(Locale.ROOT), UNKNOWN);
    }

    /** Success or failure: the job will not change any more. */
    public boolean isFinal() {
        return done;
    }
}
