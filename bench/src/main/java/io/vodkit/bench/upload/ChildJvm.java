package io.vodkit.bench.upload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts {@code java -cp <this bench jar> <main> <args>} as a child process, stderr to a log file. */
final class ChildJvm {

    /**
     * The GC flags of the {@code vodkit} launcher script; every uploader child of the comparison table runs with them,
     * SDK included, and with a class-data archive of its own ({@link ClassArchives}; the 1 GiB floor and the
     * small-file rows run the launcher itself).
     */
    static final List<String> LAUNCHER_FLAGS = List.of("-XX:+UseSerialGC", "-Xmn64m");

    /** Settings that would point a launched CLI at the cloud. */
    private static final List<String> CLOUD_SETTINGS = List.of(
            "BYTEPLUS_ACCESSKEY",
            "BYTEPLUS_SECRETKEY",
            "VOLCENGINE_ACCESS_KEY",
            "VOLCENGINE_SECRET_KEY",
            "VOD_ENDPOINT",
            "VOD_HOST",
            "VOD_SPACE_NAME");

    private final Path javaBin;
    private final Path classPath;
    private final Path logDir;

    ChildJvm(Path logDir) {
        this.javaBin = Path.of(ProcessHandle.current().info().command().orElse("java"));
        this.classPath = ownJar();
        this.logDir = logDir;
    }

    /** The JDK the children run: the folder above {@code bin/java}. */
    Path javaHome() {
        return javaBin.toAbsolutePath().getParent().getParent();
    }

    /** Where the children's logs go. */
    Path logDir() {
        return logDir;
    }

    /** The bench jar the children run from. */
    Path classPath() {
        return classPath;
    }

    /** The {@code ./vodkit} launcher of the checkout: the bench jar is {@code <checkout>/bench/target/vodkit-bench.jar}. */
    Path launcher() {
        return classPath.toAbsolutePath().getParent().getParent().getParent().resolve("vodkit");
    }

    /**
     * The environment of a launched CLI: this one without cloud settings, {@code home} as its {@code VODKIT_HOME} and
     * the bench's JDK as its {@code JAVA_HOME}.
     */
    Map<String, String> launcherEnvironment(Path home) {
        Map<String, String> env = new HashMap<>(System.getenv());
        CLOUD_SETTINGS.forEach(env::remove);
        env.put("VODKIT_HOME", home.toString());
        env.put("JAVA_HOME", javaHome().toString());
        return env;
    }

    /** Starts {@code mainClass}; its stderr goes to {@code <logDir>/<label>.log}. */
    Process start(String label, List<String> jvmFlags, Class<?> mainClass, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBin.toString());
        command.addAll(jvmFlags);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-cp");
        command.add(classPath.toString());
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(logDir.resolve(label + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * Runs an uploader child to the end with the launcher's flags and its class-data archive, and returns its report;
     * a failure names its log.
     */
    RunReport run(String label, Class<?> mainClass, ClassArchives archives, Target target)
            throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>(LAUNCHER_FLAGS);
        flags.addAll(archives.flags(mainClass));
        Process child = start(label, flags, mainClass, Map.of(), target.args());
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || lines.isEmpty() || !lines.get(lines.size() - 1).startsWith(RunReport.PREFIX)) {
            throw new IOException(label + " failed (exit " + exit + "); see " + logDir.resolve(label + ".log"));
        }
        return RunReport.parse(lines.get(lines.size() - 1));
    }

    private static Path ownJar() {
        try {
            return Path.of(ChildJvm.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bench jar", e);
        }
    }
}
