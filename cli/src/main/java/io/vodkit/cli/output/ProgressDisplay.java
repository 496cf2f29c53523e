package io.vodkit.cli.output;

import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadProgress;
import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A byte progress bar (rate and ETA) on stderr for one upload, drawn only when stderr is a terminal; silent
 * otherwise, so agents and pipes see no noise.
 */
public final class ProgressDisplay implements UploadListener, AutoCloseable {
    private final ProgressBar bar;

    private ProgressDisplay(ProgressBar bar) {
        this.bar = bar;
    }

    public static ProgressDisplay forUpload(String label, long totalBytes, PrintStream err, boolean terminal) {
        if (!terminal) {
            return new ProgressDisplay(null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(totalBytes)
                .setUnit("MiB", 1024 * 1024)
                .showSpeed()
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
        return new ProgressDisplay(bar);
    }

    @Override
    public void onProgress(UploadProgress progress) {
        if (bar != null) {
            bar.stepTo(progress.bytesSent());
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
