package io.vodkit.cli.backend;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The background emulator outlives the command that started it: Ctrl-C in that command's terminal (SIGINT to its
 * process group) and the terminal closing (SIGHUP) must not stop it. SIGTERM ({@code vodkit serve --stop}) does.
 */
final class IgnoredSignals {
    private IgnoredSignals() {}

    static void hangUpAndInterrupt() {
        for (String name : new String[] {"HUP", "INT"}) {
            try {
                Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException unknownHere) {
                // a platform without that signal (Windows has no SIGHUP)
            }
        }
    }
}
