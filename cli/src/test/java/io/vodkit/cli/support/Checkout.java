package io.vodkit.cli.support;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A checkout as a user has one: the real {@code ./vodkit} launcher and {@code skill/} in a copy of the repository
 * layout, whose {@code cli/target/vodkit.jar} runs the CLI compiled for this test run (its manifest names the test
 * class path) and is newer than every source, so the launcher runs it without building anything.
 */
public final class Checkout {
    /** The repository this test runs in (the {@code cli} module's parent). */
    public static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    private final Path root;

    private Checkout(Path root) {
        this.root = root;
    }

    /** Lays out a checkout in the empty folder {@code root}; its jar starts {@code mainClass}. */
    public static Checkout create(Path root, String mainClass, List<Path> classPath) {
        try {
            Files.copy(REPOSITORY.resolve("vodkit"), root.resolve("vodkit"));
            Files.writeString(root.resolve("pom.xml"), "<project/>");
            for (String module : List.of("client", "emulator", "cli/target")) {
                Files.createDirectories(root.resolve(module));
            }
            copyTree(REPOSITORY.resolve("skill"), root.resolve("skill"));
            Path jar = root.resolve("cli/target/vodkit.jar");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
            manifest.getMainAttributes()
                    .put(
                            Attributes.Name.CLASS_PATH,
                            classPath.stream()
                                    .map(entry -> entry.toUri().toString())
                                    .collect(Collectors.joining(" ")));
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                out.flush();
            }
            Instant now = Instant.now();
            Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(now.minusSeconds(7200)));
            Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(3600)));
            return new Checkout(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A checkout whose launcher runs the real vodkit CLI of this build. */
    public static Checkout ofVodkit(Path root) {
        return create(root, "io.vodkit.cli.Main", testClassPath());
    }

    /** The class path of this test run (Surefire names it apart from its booter jar). */
    public static List<Path> testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath())
                .toList();
    }

    public Path root() {
        return root;
    }

    /** {@code root/vodkit}, the launcher script. */
    public Path launcher() {
        return root.resolve("vodkit");
    }

    /**
     * Puts the launcher on a PATH as the README does: a symlink {@code vodkit} in {@code bin} (made if missing);
     * returns {@code bin}.
     */
    public Path linkInto(Path bin) {
        try {
            Files.createSymbolicLink(Files.createDirectories(bin).resolve("vodkit"), launcher());
            return bin;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
