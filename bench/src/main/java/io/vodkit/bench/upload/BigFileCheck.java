package io.vodkit.bench.upload;

import io.vodkit.cli.Main;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Uploads a 4 GiB sparse file with the real CLI ({@code vodkit upload}) to a loopback emulator, sampling the CLI's
 * {@code VmHWM} and the emulator's {@code VmRSS} while it runs.
 */
final class BigFileCheck {

    static final long SIZE = 4L << 30;
    private static final long SAMPLE_MILLIS = 100;

    /** Seconds, CLI peak RSS and emulator RSS before and at most during the upload, in MiB. */
    record Result(double seconds, double cliPeakRssMib, double emulatorRssBeforeMib, double emulatorRssMaxMib) {}

    private BigFileCheck() {}

    static Result run(ChildJvm jvm, Path work) throws IOException, InterruptedException {
        Path file = work.resolve("big.mp4");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SIZE);
        }
        try (EmulatorChild emulator =
                EmulatorChild.start(jvm, "emulator-big", work.resolve("emulator-big"), Link.LOOPBACK)) {
            Target target = emulator.target(file);
            long emulatorBefore = PeakRss.currentKib(emulator.pid()).orElse(-1);
            long start = System.nanoTime();
            Process cli = jvm.start(
                    "cli-big",
                    ChildJvm.LAUNCHER_FLAGS,
                    Main.class,
                    target.cliEnvironment(work.resolve("cli-home")),
                    "upload",
                    file.toString());
            long cliPeak = 0;
            long emulatorMax = emulatorBefore;
            while (!cli.waitFor(SAMPLE_MILLIS, TimeUnit.MILLISECONDS)) {
                cliPeak = Math.max(cliPeak, PeakRss.highWaterKib(cli.pid()).orElse(0));
                emulatorMax =
                        Math.max(emulatorMax, PeakRss.currentKib(emulator.pid()).orElse(0));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (cli.exitValue() != 0) {
                throw new IOException("the 4 GiB CLI upload failed (exit " + cli.exitValue() + "); see cli-big.log");
            }
            return new Result(seconds, cliPeak / 1024.0, emulatorBefore / 1024.0, emulatorMax / 1024.0);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
