package io.vodkit.bench.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The upload benchmark: for each link profile one emulator ({@code vodkit serve}, a child JVM) receives, for each
 * file size, the same random file from vodkit, the official BytePlus Java SDK and a single plain PUT, each in its
 * own child JVM, runs interleaved with the order rotating from run to run. Before the timed runs of a link, every
 * uploader sends a {@value #WARM_UP_MIB} MiB file once, untimed (parts for all of them), so nobody meets a cold
 * emulator. Each timed run starts from the same page cache ({@link PageCache}: {@code sync}, then, where allowed,
 * clean pages dropped and the JDK, the jar and the file read back in), so no run inherits the dirty pages, disk
 * writeback or cache growth of the uploads before it. Prints a Markdown table of median times, speed-ups and peak RSS;
 * {@code --big} adds a 4 GiB CLI upload with its peak RSS and the emulator's memory; {@link CpFloor} adds
 * {@code cp} of a 1 GiB file against {@code vodkit upload} of it, with both sides' CPU per GiB.
 *
 * <p>Usage: {@code UploadBench [--runs N] [--sizes 8,64,512] [--links loopback,shaped] [--big] [--floor-mib M]
 * [--out DIR]}.
 */
public final class UploadBench {

    private static final int MIB = 1 << 20;
    /** The untimed warm-up file: just over the 20 MiB multipart threshold. */
    static final int WARM_UP_MIB = 24;

    private final ChildJvm jvm;
    private final ClassArchives archives;
    private final PageCache pageCache;
    private final PrintStream progress;

    private UploadBench(ChildJvm jvm, ClassArchives archives, PageCache pageCache, PrintStream progress) {
        this.jvm = jvm;
        this.archives = archives;
        this.pageCache = pageCache;
        this.progress = progress;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        UploadBenchOptions options;
        try {
            options = UploadBenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("upload bench: " + e.getMessage());
            err.println("usage: upload [--runs N] [--sizes 8,64,512] [--links loopback,shaped] [--big] "
                    + "[--floor-mib 1024] [--out DIR]");
            return 2;
        }
        Path work = null;
        try {
            Path logs = Files.createDirectories(options.out().resolve("upload-logs"));
            work = Files.createTempDirectory("vodkit-upload-bench");
            ChildJvm jvm = new ChildJvm(logs);
            ClassArchives archives = new ClassArchives(Files.createDirectories(work.resolve("class-archives")));
            PageCache pageCache = PageCache.of(jvm.javaHome(), jvm.classPath(), archives.dir(), err);
            String table = new UploadBench(jvm, archives, pageCache, err).measure(work, options)
                    + SmallUploadBench.measure(jvm, work, err);
            out.print(table);
            Files.writeString(options.out().resolve("upload-latest.md"), table);
            return 0;
        } catch (IOException e) {
            err.println("upload bench failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("upload bench interrupted");
            return 1;
        } finally {
            deleteTree(work, err);
        }
    }

    private String measure(Path work, UploadBenchOptions options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path warmUp = randomFile(work.resolve("warm-up.mp4"), (long) WARM_UP_MIB * MIB, 0);
        List<Path> files = new ArrayList<>();
        for (int size : options.sizesMib()) {
            files.add(randomFile(work.resolve("clip-" + size + "mib.mp4"), (long) size * MIB, size));
        }
        List<UploadRow> rows = new ArrayList<>();
        for (Link link : options.links()) {
            String label = link == Link.LOOPBACK ? "loopback" : "shaped";
            Path emulatorDir = work.resolve("emulator-" + label);
            try (EmulatorChild emulator = EmulatorChild.start(jvm, "emulator-" + label, emulatorDir, link)) {
                for (Contender contender : Contender.values()) {
                    String name = label + "-warmup-" + contender.name().toLowerCase(Locale.ROOT);
                    jvm.run(name, contender.mainClass, archives, emulator.target(warmUp));
                    progress.println(name + " done (untimed)");
                }
                for (int i = 0; i < files.size(); i++) {
                    UploadRow row = new UploadRow(link, options.sizesMib().get(i));
                    for (int run = 1; run <= options.runs(); run++) {
                        for (Contender contender : order(run)) {
                            String name = String.format(
                                    Locale.ROOT,
                                    "%s-%dmib-%s-%d",
                                    label,
                                    row.sizeMib,
                                    contender.name().toLowerCase(Locale.ROOT),
                                    run);
                            pageCache.settle(files.get(i), emulatorDir);
                            RunReport report =
                                    jvm.run(name, contender.mainClass, archives, emulator.target(files.get(i)));
                            progress.printf(
                                    Locale.ROOT,
                                    "%-40s %8.2f s %6d MiB%n",
                                    name,
                                    report.elapsedMs() / 1000,
                                    report.peakRssKib() / 1024);
                            row.add(contender, report);
                        }
                    }
                    rows.add(row);
                }
            }
            deleteTree(emulatorDir, progress);
        }
        CpFloor.Result floor = null;
        if (options.floorMib() > 0) {
            progress.println("cp against vodkit upload, " + options.floorMib() + " MiB");
            floor = CpFloor.run(jvm, pageCache, work, warmUp, options.floorMib(), options.runs(), progress);
        }
        BigFileCheck.Result big = null;
        if (options.big()) {
            progress.println("uploading a 4 GiB file with the CLI");
            big = BigFileCheck.run(jvm, work);
        }
        String table = UploadTable.render(rows, options.runs(), big, (System.nanoTime() - start) / 60e9);
        return floor == null ? table : table + floor.markdown();
    }

    /** The uploaders in the order of run {@code run} (1-based): run 1 starts with vodkit, run 2 with the next… */
    static List<Contender> order(int run) {
        List<Contender> order = new ArrayList<>(List.of(Contender.values()));
        Collections.rotate(order, -((run - 1) % order.size()));
        return order;
    }

    /** {@code bytes} of seeded pseudo-random data (incompressible, reproducible). */
    static Path randomFile(Path file, long bytes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < bytes; written += chunk.length) {
                for (int i = 0; i < chunk.length; i += Long.BYTES) {
                    long value = random.nextLong();
                    for (int b = 0; b < Long.BYTES; b++) {
                        chunk[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - written));
            }
        }
        return file;
    }

    private static void deleteTree(Path dir, PrintStream err) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
