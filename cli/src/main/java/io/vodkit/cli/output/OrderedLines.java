package io.vodkit.cli.output;

import java.util.HashMap;
import java.util.Map;

/**
 * Prints the result lines of a batch in input order as soon as they can be: line {@code i} goes out once lines
 * {@code 0…i-1} have, whatever order the results arrive in. Thread-safe.
 */
public final class OrderedLines {
    private final JsonLines out;
    private final ProgressDisplay progress;
    private final Map<Integer, Object> waiting = new HashMap<>();
    private int next;

    /** @param progress the bars to lift out of the way of each line */
    public OrderedLines(JsonLines out, ProgressDisplay progress) {
        this.out = out;
        this.progress = progress;
    }

    /** The line of source {@code index}; given once per index. */
    public synchronized void put(int index, Object json) {
        if (index < next || waiting.putIfAbsent(index, json) != null) {
            throw new IllegalStateException("line " + index + " given twice");
        }
        while (waiting.containsKey(next)) {
            Object line = waiting.remove(next++);
            progress.printAbove(() -> out.write(line));
        }
    }
}
