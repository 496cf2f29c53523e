package io.vodkit.cli.support;

import io.vodkit.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs vodkit as a real child process (this test JVM's java and class path), in {@code dir}. */
public final class CliProcess {
    private CliProcess() {}

    /**
     * Starts {@code vodkit args…} with the inherited environment minus any BytePlus/VOD settings, VODKIT_HOME in
     * {@code dir/home}, then {@code env} on top.
     */
    public static Process start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(dir, List.of(), env, args);
    }

    /** {@link #start(Path, Map, String...)} with {@code jvmOptions} (e.g. {@code -Xmx64m}) for the child JVM. */
    public static Process start(Path dir, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // as the jar's manifest does, for sqlite-jdbc
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("BYTEPLUS_") || k.startsWith("VOD"));
        builder.environment().put("VODKIT_HOME", dir.resolve("home").toString());
        builder.environment().put("VODKIT_IDLE_MINUTES", CliRun.SAFETY_IDLE_MINUTES);
        builder.environment().putAll(env);
        return builder.start();
    }

    /** The first line a process writes to {@code stream} (its ready line, say); waits for it. */
    public static String firstLine(InputStream stream) throws IOException {
        return new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8)).readLine();
    }

    /** The first line that contains {@code text}, or null when the stream ends without one (other lines skipped). */
    public static String firstLineContaining(InputStream stream, String text) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.contains(text)) {
                return line;
            }
        }
        return null;
    }
}
