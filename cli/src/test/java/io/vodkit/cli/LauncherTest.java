package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./vodkit} launcher script, run by bash in a copy of the repository layout whose jar is a tiny program
 * printing one JSON line: stdout carries only the program's output and its exit code comes through, on the run that
 * records a class-data-sharing archive as on the runs that use it; each command gets its own archive.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of(System.getProperty("user.dir")).resolveSibling("vodkit");
    private static final String PROGRAM = """
            public class Probe {
                public static void main(String[] args) throws Exception {
                    System.out.println(new StringBuilder("{\\"args\\":").append(args.length).append('}'));
                    java.util.List<String> flags =
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
                    boolean c1 = flags.contains("-XX:TieredStopAtLevel=1");
                    boolean late = flags.contains("-XX:CompileThresholdScaling=4");
                    System.err.println(c1 && late ? "jit=c1" : c1 || late ? "jit=mixed" : "jit=tiered");
                    boolean archive = false;
                    for (String flag : flags) {
                        archive |= flag.startsWith("-XX:SharedArchiveFile=");
                    }
                    boolean mapped = System.getProperty("java.vm.info", "").contains("sharing");
                    System.err.println("archive=" + (archive ? (mapped ? "mapped" : "unusable") : "none"));
                    int exit = args.length > 1 ? Integer.parseInt(args[1]) : 0;
                    String recording = System.getProperty("vodkit.cds.recording");
                    if (exit == 2 && recording != null) { // as io.vodkit.cli.Main does
                        new java.io.FileOutputStream(recording + ".invalid").close();
                    }
                    System.exit(exit);
                }
            }
            """;

    @TempDir
    Path root;

    @BeforeEach
    void layOutACheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Files.copy(LAUNCHER, root.resolve("vodkit"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        for (String module : List.of("client", "emulator", "cli/target")) {
            Files.createDirectories(root.resolve(module));
        }
        Path jar = root.resolve("cli/target/vodkit.jar");
        writeProbeJar(jar);
        // the jar is newer than every source, so the launcher does not try to build it
        Instant now = Instant.now();
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(now.minusSeconds(7200)));
        Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(3600)));
    }

    @Test
    void stdoutHoldsOnlyTheProgramsLineAndItsExitCodeOnEveryRun() throws Exception {
        for (int run = 1; run <= 3; run++) {
            Result result = launch("upload", "3");
            assertThat(result.exit()).as("run %d", run).isEqualTo(3);
            assertThat(result.stdout()).as("run %d", run).isEqualTo("{\"args\":2}\n");
            assertThat(result.stderr()).as("run %d", run).doesNotContain("cds").doesNotContain("warning");
            assertThat(result.stderr())
                    .as("run %d: the first records, the second dumps the archive and it maps", run)
                    .contains(run == 1 ? "archive=none" : "archive=mapped");
        }
        assertThat(archiveFiles())
                .as("the first run's archive was adopted")
                .singleElement()
                .asString()
                .endsWith("-upload.jsa");
    }

    @Test
    void eachCommandWordGetsItsOwnArchiveAndLongLivedOnesWriteNone() throws Exception {
        // "compare" and "info" stand for any command: the launcher keys archives by the first word, with no list
        for (String command : List.of("upload", "compare", "info", "serve", "--debug")) {
            launch(command); // records an archive (not serve)
            launch(command); // adopts it
        }

        assertThat(archiveFiles())
                .extracting(name -> name.replaceAll(".*-", ""))
                .containsExactlyInAnyOrder("upload.jsa", "compare.jsa", "info.jsa", "other.jsa");
    }

    @Test
    void runsGivenAnEndpointKeepAnArchiveApartFromThoseOfTheEmbeddedEmulator() throws Exception {
        // they load different classes (joining the local emulator, or not): one archive would fit only one of them
        Map<String, String> local = withoutTargets();
        Map<String, String> endpoint = withoutTargets();
        endpoint.put("VOD_ENDPOINT", "http://127.0.0.1:9");
        String[] upload = {"/bin/bash", root.resolve("vodkit").toString(), "upload"};
        for (int run = 1; run <= 2; run++) {
            run(root, local, upload);
            run(root, endpoint, upload);
        }

        assertThat(archiveFiles())
                .extracting(name -> name.replaceAll("^vodkit-run-[0-9]+-", ""))
                .containsExactlyInAnyOrder("upload.jsa", "upload-endpoint.jsa");
        assertThat(run(root, endpoint, upload).stderr()).contains("archive=mapped");
    }

    /** This test's environment without the settings that choose where a run goes, and its own VODKIT_HOME. */
    private Map<String, String> withoutTargets() {
        Map<String, String> clean = new HashMap<>(System.getenv());
        List.of(
                        "VOD_ENDPOINT",
                        "VOD_HOST",
                        "BYTEPLUS_ACCESSKEY",
                        "BYTEPLUS_SECRETKEY",
                        "VOLCENGINE_ACCESS_KEY",
                        "VOLCENGINE_SECRET_KEY")
                .forEach(clean::remove);
        clean.put("VODKIT_HOME", root.resolve("home").toString());
        return clean;
    }

    /** The JIT the launcher picks for {@code args} with {@code env} (and nothing else of the caller's). */
    private String jit(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Map<String, String> clean = withoutTargets();
        clean.putAll(env);
        Result result = run(
                root,
                clean,
                Stream.concat(Stream.of("/bin/bash", root.resolve("vodkit").toString()), Stream.of(args))
                        .toArray(String[]::new));
        assertThat(result.exit()).as(result.stderr()).isZero();
        return result.stderr()
                .lines()
                .filter(line -> line.startsWith("jit="))
                .findFirst()
                .orElse("");
    }

    @Test
    void onlyRunsThatCanOnlySpeakPlainHttpLeaveOutC2() throws Exception {
        assertThat(jit(Map.of(), "upload"))
                .as("no keys, no endpoint: the local emulator")
                .isEqualTo("jit=c1");
        assertThat(jit(Map.of("VOD_ENDPOINT", "HTTP://127.0.0.1:9"), "upload")).isEqualTo("jit=c1");
        assertThat(jit(Map.of("VOD_ENDPOINT", "https://127.0.0.1:9"), "upload")).isEqualTo("jit=tiered");
        assertThat(jit(Map.of("VOD_ENDPOINT", "http://127.0.0.1:9"), "upload", "0", "--endpoint", "https://h"))
                .as("the flag wins over the environment")
                .isEqualTo("jit=tiered");
        assertThat(jit(Map.of("VOD_ENDPOINT", "https://h"), "upload", "0", "--endpoint=http://127.0.0.1:9"))
                .isEqualTo("jit=c1");
        assertThat(jit(Map.of("BYTEPLUS_ACCESSKEY", "AK", "BYTEPLUS_SECRETKEY", "SK"), "upload"))
                .as("keys and no endpoint: the cloud, over https")
                .isEqualTo("jit=tiered");
        assertThat(jit(Map.of("VOD_HOST", "vod.example.com"), "upload")).isEqualTo("jit=tiered");
        assertThat(jit(Map.of("VOD_ENDPOINT", "http://127.0.0.1:9"), "serve"))
                .as("long-lived")
                .isEqualTo("jit=tiered");
        assertThat(jit(Map.of("VOD_ENDPOINT", "http://127.0.0.1:9"), "mcp")).isEqualTo("jit=tiered");

        Path owner = Files.createDirectories(root.resolve("home/local")).resolve("owner.json");
        Files.writeString(owner, "{\"endpoint\": \"https://127.0.0.1:8443\", \"pid\": 1}");
        assertThat(jit(Map.of(), "upload")).as("the local emulator serves TLS").isEqualTo("jit=tiered");
        Files.writeString(owner, "{\"endpoint\":\"http://127.0.0.1:8443\",\"pid\":1}");
        assertThat(jit(Map.of(), "upload")).isEqualTo("jit=c1");

        Files.writeString(root.resolve(".env"), "VOD_ENDPOINT=http://127.0.0.1:9\n");
        assertThat(jit(Map.of(), "upload"))
                .as("a .env is not read by the launcher: its values may name https")
                .isEqualTo("jit=tiered");
    }

    @Test
    void runsEndingInInvalidInputOrShowingHelpLeaveNoArchive() throws Exception {
        for (int run = 1; run <= 2; run++) {
            assertThat(launch("uplaod", "2").exit()).isEqualTo(2); // a typo: the CLI refuses it with exit 2
            assertThat(launch("upload", "0", "--help").exit()).isZero();
            assertThat(launch("upload", "0", "-V").exit()).isZero();
        }
        assertThat(archiveFiles())
                .as("no archive adopted, only the last typo's recording pending with its mark")
                .noneMatch(name -> name.endsWith(".jsa"))
                .noneMatch(name -> name.contains("-upload."));

        launch("upload", "0"); // records; the typo's recording is dropped
        launch("upload", "0"); // adopts
        assertThat(archiveFiles()).singleElement().asString().endsWith("-upload.jsa");
    }

    @Test
    void mainMarksTheRecordingOfARunItRefused() throws IOException {
        Path recording = root.resolve("cli/target/vodkit-run-1-upload.jsa.42");

        Main.markRecordingInvalid(recording.toString());
        Main.markRecordingInvalid(null); // not started by the launcher: nothing to mark

        assertThat(root.resolve("cli/target/vodkit-run-1-upload.jsa.42.invalid"))
                .exists();
    }

    @Test
    void aSymlinkOnPathRunsTheCheckoutItPointsTo() throws Exception {
        Path bin = Files.createDirectories(root.resolve("elsewhere/bin"));
        Files.createSymbolicLink(bin.resolve("vodkit"), root.resolve("vodkit"));
        Path away = Files.createDirectories(root.resolve("elsewhere/work"));

        Result result = run(away, Map.of("PATH", bin + ":/usr/bin:/bin"), "/bin/bash", "-c", "vodkit upload 3");

        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("{\"args\":2}\n");
    }

    @Test
    void aStaleJarIsBuiltWithoutColourCodesInTheBuildOutput() throws Exception {
        Path bin = Files.createDirectories(root.resolve("bin"));
        // a stand-in for Maven that colours its output as Debian's Maven 3.8 does even in batch mode, notes its
        // arguments and "builds" the jar
        Path mvn = Files.writeString(bin.resolve("mvn"), """
                #!/bin/sh
                printf '%s\\n' "$@" > mvn-args
                printf '\\033[0m\\033[1m[INFO] BUILD SUCCESS\\033[m\\n'
                printf '\\033[1;31m[WARNING]\\033[0m a warning\\n' >&2
                touch cli/target/vodkit.jar
                """);
        assertThat(mvn.toFile().setExecutable(true)).isTrue();
        Files.writeString(Files.createDirectories(root.resolve("client/src")).resolve("Changed.java"), "");

        Result result = run(root, Map.of("PATH", bin + ":/usr/bin:/bin"), "/bin/bash", "vodkit", "upload", "3");

        assertThat(result.exit()).as(result.toString()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("{\"args\":2}\n");
        assertThat(result.stderr())
                .contains("[INFO] BUILD SUCCESS")
                .contains("[WARNING] a warning")
                .doesNotContain("\u001b");
        assertThat(Files.readAllLines(root.resolve("mvn-args"))).contains("-B", "-Dstyle.color=never");
    }

    @Test
    void launchersStartedTogetherBuildAStaleJarOnce() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "needs flock (util-linux)");
        Path bin = Files.createDirectories(root.resolve("bin"));
        // a stand-in for a Maven build that takes a second: long enough for the other launcher to find the jar stale
        Path mvn = Files.writeString(bin.resolve("mvn"), """
                #!/bin/sh
                echo build >> mvn-runs
                sleep 1
                touch cli/target/vodkit.jar
                """);
        assertThat(mvn.toFile().setExecutable(true)).isTrue();
        Files.writeString(Files.createDirectories(root.resolve("client/src")).resolve("Changed.java"), "");
        Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin");

        List<Started> launchers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            launchers.add(start(root, env, "/bin/bash", "vodkit", "upload", "3"));
        }
        for (Started launcher : launchers) {
            Result result = launcher.finish();
            assertThat(result.exit()).as(result.toString()).isEqualTo(3);
            assertThat(result.stdout()).isEqualTo("{\"args\":2}\n");
        }

        assertThat(Files.readAllLines(root.resolve("mvn-runs"))).containsExactly("build");
    }

    /** The archives and the recordings not yet adopted ({@code *.jsa.PID}) in cli/target. */
    private List<String> archiveFiles() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("cli/target"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.contains(".jsa"))
                    .toList();
        }
    }

    private record Result(int exit, String stdout, String stderr) {}

    /** Runs {@code command} in {@code dir} with the environment {@code env} and the JDK as JAVA_HOME. */
    private static Result run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        return start(dir, env, command).finish();
    }

    /** A command started by {@link #start}, its stdout and stderr going to files. */
    private record Started(Process process, Path out, Path err) {
        Result finish() throws IOException, InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("launcher finished")
                    .isTrue();
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        }
    }

    /** Starts {@code command} as {@link #run} runs it. */
    private static Started start(Path dir, Map<String, String> env, String... command) throws IOException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return new Started(builder.start(), out, err);
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return run(
                root,
                System.getenv(),
                Stream.concat(Stream.of("/bin/bash", root.resolve("vodkit").toString()), Stream.of(args))
                        .toArray(String[]::new));
    }

    private void writeProbeJar(Path jar) throws IOException {
        Path sources = Files.createDirectories(root.resolve("probe-src"));
        Path source = Files.writeString(sources.resolve("Probe.java"), PROGRAM);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler.run(null, null, null, "--release", "8", "-d", sources.toString(), source.toString()))
                .isZero();
        // Made a Java 5 class (major version 49), as some of picocli's are: recording an archive then warns about it
        // ("Pre JDK 6 class not supported by CDS"), which the JVM would print on stdout by default.
        byte[] probe = Files.readAllBytes(sources.resolve("Probe.class"));
        probe[6] = 0;
        probe[7] = 49;
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Probe");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("Probe.class"));
            out.write(probe);
            out.closeEntry();
        }
    }
}
