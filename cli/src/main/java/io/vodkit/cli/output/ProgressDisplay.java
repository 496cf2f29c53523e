package io.vodkit.cli.output;

import io.vodkit.client.upload.UploadListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Upload progress on stderr, drawn only when stderr is a terminal and silent otherwise, so agents and pipes see no
 * noise: a byte bar (rate and ETA) per file being uploaded and, for a batch, a total bar below them counting the
 * files done. The bars are rendered by the progressbar library; this class stacks them into one block that it
 * redraws in place (ANSI cursor movement), drops a file's bar when the file is done, and lifts the block out of the
 * way of a result line ({@link #printAbove}). One file alone keeps its bar when done; a batch keeps the total.
 */
public final class ProgressDisplay implements AutoCloseable {
    private static final long MIB = 1024 * 1024;
    private static final int UPDATE_MILLIS = 250;
    /** Labels are cut or padded to this many characters, so that the bars of a batch line up. */
    private static final int LABEL_CHARS = 20;

    private static final String UP = "\033[%dA";
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";

    private final PrintStream err;
    private final boolean terminal;
    private final int fileCount;
    private final Map<Path, FileBar> files = new LinkedHashMap<>();
    private final Map<Object, String> lines = new LinkedHashMap<>();
    private final ProgressBar total;
    private final Object totalKey = new Object();
    private int filesDone;
    private int drawnLines;

    private ProgressDisplay(PrintStream err, boolean terminal, int fileCount, long totalBytes) {
        this.err = err;
        this.terminal = terminal;
        this.fileCount = fileCount;
        this.total = terminal && fileCount > 1 ? bar("total", totalBytes, totalKey) : null;
        if (total != null) {
            total.setExtraMessage(filesMessage());
        }
    }

    /**
     * @param fileCount  files in the batch (a total bar is drawn when there are several)
     * @param totalBytes their bytes
     * @param terminal   whether {@code err} is a terminal; nothing is drawn otherwise
     */
    public static ProgressDisplay forFiles(int fileCount, long totalBytes, PrintStream err, boolean terminal) {
        return new ProgressDisplay(err, terminal, fileCount, totalBytes);
    }

    /** The listener of a file whose upload starts now; it draws the file's bar and feeds the total. */
    public synchronized UploadListener started(Path file, long bytes) {
        if (!terminal) {
            return UploadListener.NONE;
        }
        FileBar fileBar = new FileBar(bar(file.getFileName().toString(), bytes, file));
        files.put(file, fileBar);
        return progress -> {
            long delta = progress.bytesSent() - fileBar.sent.getAndSet(progress.bytesSent());
            fileBar.bar.stepTo(progress.bytesSent());
            if (total != null) {
                total.stepBy(delta);
            }
        };
    }

    /**
     * A file is done: its bar goes (unless it is the only file) and the total counts it. A file that was not
     * uploaded (skipped, or failed) takes its bytes out of the total.
     */
    public void finished(Path file, long bytes, boolean uploaded) {
        FileBar fileBar;
        synchronized (this) {
            if (!terminal) {
                return;
            }
            fileBar = files.remove(file);
            filesDone++;
        }
        if (fileBar != null) {
            fileBar.bar.close();
        }
        if (total != null) {
            if (!uploaded) {
                total.stepBy(-(fileBar == null ? 0 : fileBar.sent.get()));
                total.maxHint(total.getMax() - bytes);
            }
            total.setExtraMessage(filesMessage());
        }
    }

    /** Runs {@code print} (a stdout line) with the bars lifted out of its way, then draws them again below it. */
    public synchronized void printAbove(Runnable print) {
        if (!terminal || drawnLines == 0) {
            print.run();
            return;
        }
        err.print(String.format(UP, drawnLines) + "\r" + CLEAR_BELOW);
        err.flush();
        drawnLines = 0;
        print.run();
        redraw();
    }

    @Override
    public void close() {
        for (FileBar fileBar : snapshot()) {
            fileBar.bar.close();
        }
        if (total != null) {
            total.close();
        }
    }

    private synchronized FileBar[] snapshot() {
        return files.values().toArray(FileBar[]::new);
    }

    private synchronized String filesMessage() {
        return " " + filesDone + "/" + fileCount + " files";
    }

    private ProgressBar bar(String label, long bytes, Object key) {
        return new ProgressBarBuilder()
                .setTaskName(label(label))
                .setInitialMax(bytes)
                .setUnit("MiB", MIB)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(UPDATE_MILLIS)
                .setConsumer(new BlockLine(err, key))
                .build();
    }

    private static String label(String name) {
        return name.length() > LABEL_CHARS
                ? name.substring(0, LABEL_CHARS - 1) + "…"
                : String.format("%-" + LABEL_CHARS + "s", name);
    }

    /** A rendered line arrived from a bar's update thread. */
    private synchronized void show(Object key, String text) {
        lines.put(key, text);
        redraw();
    }

    /** A bar ended: a file's line leaves the block unless it is the only file; the total stays on screen. */
    private synchronized void ended(Object key) {
        if (key == totalKey || fileCount == 1) {
            drawnLines = 0;
        }
        lines.remove(key);
        redraw();
    }

    private void redraw() {
        StringBuilder block = new StringBuilder();
        if (drawnLines > 0) {
            block.append(String.format(UP, drawnLines));
        }
        block.append('\r');
        lines.forEach((key, text) -> {
            if (key != totalKey) {
                block.append(text).append(CLEAR_LINE).append('\n');
            }
        });
        String totalLine = lines.get(totalKey);
        if (totalLine != null) {
            block.append(totalLine).append(CLEAR_LINE).append('\n');
        }
        block.append(CLEAR_BELOW);
        err.print(block);
        err.flush();
        drawnLines = lines.size();
    }

    private record FileBar(ProgressBar bar, AtomicLong sent) {
        FileBar(ProgressBar bar) {
            this(bar, new AtomicLong());
        }
    }

    /** Hands a bar's rendered text to the block; the width of the terminal comes from the library. */
    private final class BlockLine extends ConsoleProgressBarConsumer {
        private final Object key;

        BlockLine(PrintStream out, Object key) {
            super(out);
            this.key = key;
        }

        @Override
        public void accept(String rendered) {
            show(key, rendered);
        }

        @Override
        public void close() {
            ended(key);
        }
    }
}
