package io.vodkit.emulator.internal.pull;

/** A URL pull that cannot succeed; the message is the readable reason QueryUploadTaskInfo reports. */
public final class FetchFailure extends Exception {
    public FetchFailure(String reason) {
        super(reason);
    }

    public FetchFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
