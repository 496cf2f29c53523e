package io.vodkit.client.internal.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ends a JDK {@link HttpClient}'s selector thread once its owner is done with the client. That thread waits in native
 * {@code epoll_wait}, and while any thread is in native code the JVM holds its exit back by about 0.3 s (it waits
 * for such threads to block), so every short CLI run paid that at the end. On JDK 21+ the client is shut down
 * ({@code shutdownNow}, then a bounded {@code awaitTermination}; {@code close} could wait on a stalled exchange);
 * before that the selector thread, named {@code HttpClient-<id>-SelectorManager} with the {@code <id>} the client
 * prints at the end of its {@code toString()}, ends its loop when interrupted. Where neither applies nothing
 * happens, and the exit just waits. Measured on the CLI path (a 100 KB {@code vodkit upload} to a running emulator,
 * JDK 17, median of 3 runs on a loaded 2-core machine): the process ends 0.04 s after printing its line with this,
 * 0.39 s without (bench/README.md).
 */
final class SelectorShutdown {
    private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");
    private static final Duration AWAIT_TERMINATION = Duration.ofSeconds(1);

    private SelectorShutdown() {}

    /**
     * Ends {@code client}. Call only when none of its requests is in flight: before JDK 21 such a request would wait
     * forever for a reply the stopped selector no longer reads.
     */
    static void shutdown(HttpClient client) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
            HttpClient.class.getMethod("awaitTermination", Duration.class).invoke(client, AWAIT_TERMINATION);
            return;
        } catch (NoSuchMethodException beforeJdk21) {
            // fall through to the selector thread
        } catch (ReflectiveOperationException e) {
            return; // at worst the thread lingers and the exit waits
        }
        selectorThreadName(client)
                .ifPresent(name -> liveThreads().stream()
                        .filter(thread -> thread.getName().equals(name))
                        .forEach(Thread::interrupt));
    }

    /** {@code HttpClient-<id>-SelectorManager}, from a client whose {@code toString()} ends in {@code (<id>)}. */
    static Optional<String> selectorThreadName(HttpClient client) {
        Matcher id = CLIENT_ID.matcher(client.toString());
        return id.find() ? Optional.of("HttpClient-" + id.group(1) + "-SelectorManager") : Optional.empty();
    }

    private static List<Thread> liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() * 2 + 16];
        int count = root.enumerate(threads, true);
        return Arrays.asList(threads).subList(0, count);
    }
}
