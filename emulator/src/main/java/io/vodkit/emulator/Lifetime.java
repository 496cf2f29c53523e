package io.vodkit.emulator;

/** How long an emulator means to run; other vodkit processes use either one while it serves. */
public enum Lifetime {
    /** Runs until stopped: {@code vodkit serve} in the foreground. */
    LONG_LIVED,
    /**
     * Started in the background by a command without credentials; runs until {@code vodkit serve --stop} or until it
     * has been idle for a while, so that the URLs commands print keep working after they exit.
     */
    BACKGROUND
}
