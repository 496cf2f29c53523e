package io.vodkit.cli;

/** The exit codes of every vodkit command, listed in {@code --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation failed: the service refused it, the network failed, a job failed. */
    public static final int FAILED = 1;
    /** The input was invalid; nothing was sent. */
    public static final int INVALID_INPUT = 2;
    /** Polling timed out while the job is still running; the output carries a resume hint. */
    public static final int TIMED_OUT = 3;

    private ExitCodes() {}
}
