package io.vodkit.bench.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A class-data archive per uploader child, as the {@code vodkit} launcher keeps one for the CLI: the first run of a
 * main class records its archive at exit ({@code -XX:ArchiveClassesAtExit}, a dynamic archive on top of the JDK's),
 * and every later run of that class maps it ({@code -XX:SharedArchiveFile}). The first run of each uploader is its
 * untimed warm-up, so every timed run, the official SDK's included, starts from its own archive.
 */
final class ClassArchives {
    /** The JVM's archive messages go to stdout, where a child's last line must be its report. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path dir;

    ClassArchives(Path dir) {
        this.dir = dir;
    }

    /** The folder the archives are in (read back into the page cache before each timed run). */
    Path dir() {
        return dir;
    }

    /** The JVM flags that record the archive of {@code mainClass} when it has none yet, else map it. */
    List<String> flags(Class<?> mainClass) {
        Path archive = dir.resolve(mainClass.getSimpleName() + ".jsa");
        return Files.isRegularFile(archive)
                ? List.of("-XX:SharedArchiveFile=" + archive, QUIET)
                : List.of("-XX:ArchiveClassesAtExit=" + archive, QUIET);
    }
}
