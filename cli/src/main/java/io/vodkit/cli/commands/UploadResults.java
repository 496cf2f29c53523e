package io.vodkit.cli.commands;

import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.output.BatchSummary;
import io.vodkit.cli.output.OrderedLines;
import io.vodkit.cli.output.UploadLine;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The result lines of one {@code vodkit upload} run, one per source: printed in source order as they come in, and
 * counted for the exit code and the closing summary. Thread-safe.
 */
final class UploadResults {
    private final UploadLine[] lines;
    private final OrderedLines out;
    private int skipped;
    private long bytesSent;

    UploadResults(int sources, OrderedLines out) {
        this.lines = new UploadLine[sources];
        this.out = out;
    }

    /**
     * The line of source {@code index}.
     *
     * @param skipped   whether the ledger showed the file was already uploaded
     * @param bytesSent the bytes of a local file that went up
     */
    synchronized void put(int index, UploadLine line, boolean skipped, long bytesSent) {
        lines[index] = line;
        this.skipped += skipped ? 1 : 0;
        this.bytesSent += bytesSent;
        out.put(index, line);
    }

    synchronized void put(int index, UploadLine line) {
        put(index, line, false, 0);
    }

    /** 0 when every source succeeded, else 3 if any URL pull is still running, else 1. */
    synchronized int exitCode() {
        return PullReport.exitCode(all());
    }

    synchronized BatchSummary summary(Duration elapsed) {
        List<UploadLine> all = all();
        int ok = count(all, ExitCodes.OK);
        return new BatchSummary(
                ok - skipped,
                skipped,
                count(all, ExitCodes.FAILED),
                count(all, ExitCodes.TIMED_OUT),
                bytesSent,
                elapsed);
    }

    private List<UploadLine> all() {
        if (Arrays.stream(lines).anyMatch(line -> line == null)) {
            throw new IllegalStateException("a source has no result line");
        }
        return List.of(lines);
    }

    private static int count(List<UploadLine> lines, int exitCode) {
        return (int) lines.stream().filter(line -> line.exitCode() == exitCode).count();
    }
}
