package io.vodkit.bench.upload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Puts the machine's page cache in the same state before every timed run: dirty pages flushed ({@code sync}), then,
 * where allowed (root on Linux), clean pages dropped and what a run reads read back in: the JDK, the bench jar, the
 * uploaders' class-data archives, ffmpeg and ffprobe with their libraries (the emulator probes every commit), the
 * emulator's database and the file to upload. Without the drop every upload leaves about twice its size in the page
 * cache (its parts and the merged object), and on the 2-core build VM a merge of 512 MiB took ~1.0 s with a small page
 * cache but ~2.0 s once it held 6–11 GiB: later runs paid for earlier ones, whoever made them.
 */
final class PageCache {
    private static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    private final List<Path> runtimeFiles;
    private final Path archiveDir;
    private final PrintStream progress;
    /** One read buffer for every file read back in (hundreds of JDK files per run). */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);

    private boolean canDrop = Files.isWritable(DROP_CACHES);

    /**
     * @param runtimeFiles the JDK and jar files every child reads, read back in after each drop
     * @param archiveDir   the folder of the children's class-data archives, whose files are read back in too
     */
    private PageCache(List<Path> runtimeFiles, Path archiveDir, PrintStream progress) {
        this.runtimeFiles = runtimeFiles;
        this.archiveDir = archiveDir;
        this.progress = progress;
        if (!canDrop) {
            progress.println("page cache: " + DROP_CACHES + " is not writable (not root?); runs only sync");
        }
    }

    /**
     * The page cache of a machine whose children run {@code javaHome}'s JDK (its bin, conf, lib) with {@code jar} and
     * the class-data archives in {@code archiveDir}.
     */
    static PageCache of(Path javaHome, Path jar, Path archiveDir, PrintStream progress) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String runtimeDir : List.of("bin", "conf", "lib")) { // not jmods, include, man: a running JVM skips them
            Path dir = javaHome.resolve(runtimeDir);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> jdk = Files.walk(dir)) {
                    jdk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
        }
        files.add(jar);
        return new PageCache(List.copyOf(files), archiveDir, progress);
    }

    /**
     * Flushes, drops and re-reads, untimed.
     *
     * @param upload      the file the next run sends
     * @param emulatorDir the emulator's data folder: its top-level files (the database) are read back in
     */
    void settle(Path upload, Path emulatorDir) throws IOException, InterruptedException {
        run("sync");
        if (!canDrop) {
            return;
        }
        try {
            Files.writeString(DROP_CACHES, "1", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            canDrop = false;
            progress.println("page cache: cannot drop (" + e.getMessage() + "); runs only sync from now on");
            return;
        }
        for (Path file : runtimeFiles) {
            readFully(file);
        }
        readTopLevel(archiveDir);
        readTopLevel(emulatorDir);
        run("ffprobe", "-version");
        run("ffmpeg", "-version");
        readFully(upload);
    }

    private void run(String... command) throws InterruptedException {
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            progress.println(command[0] + " not run: " + e.getMessage());
        }
    }

    private void readTopLevel(Path dir) throws IOException {
        try (Stream<Path> top = Files.list(dir)) {
            for (Path file : top.filter(Files::isRegularFile).toList()) {
                readFully(file);
            }
        }
    }

    private void readFully(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) >= 0) {
                buffer.clear();
            }
        }
    }
}
