package io.vodkit.emulator.support;

/** The threads of this JVM, as tests that check what a component leaves running see them. */
public final class LiveThreads {
    private LiveThreads() {}

    /** How many live threads have a name starting with {@code prefix}. */
    public static long named(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith(prefix))
                .count();
    }
}
