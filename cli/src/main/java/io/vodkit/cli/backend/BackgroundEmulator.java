package io.vodkit.cli.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.Main;
import io.vodkit.cli.config.Settings;
import io.vodkit.emulator.DataFolder;
import io.vodkit.emulator.OwnerInfo;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Starts the local emulator of a data folder as a detached background process ({@code vodkit serve --background},
 * run by this JVM's {@code java} with this JVM's class path, so it works from the jar and from tests alike), its
 * output appended to {@value #LOG_FILE} in the data folder, and waits until it, or another vodkit that won the race
 * for the folder, publishes how to reach it.
 */
final class BackgroundEmulator {
    /** The background emulator's stdout and stderr, in its data folder. */
    static final String LOG_FILE = "emulator.log";
    /** Beyond this size the log is moved to {@code emulator.log.1} before the next start. */
    private static final long LOG_LIMIT_BYTES = 4L << 20;
    /** The longest wait for an emulator to become ready (it may re-queue jobs and migrate its database first). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(25);
    /** Starts tried before giving up when each ends without another emulator owning the folder. */
    private static final int MAX_STARTS = 2;

    /** The emulator serving the folder now, and whether the process started here is the one serving it. */
    record Ready(OwnerInfo owner, boolean startedHere) {}

    private BackgroundEmulator() {}

    /**
     * Starts the background emulator of {@code settings.localDataDir()} knowing {@code spaceName}, unless one
     * publishes meanwhile, and waits for it to be ready.
     *
     * @throws CliException when it cannot start (with the reason it logged), does not get ready in time, or a stop
     *                      request arrives while waiting
     */
    static Ready start(Settings settings, String spaceName, CliContext context) {
        Path dataDir = settings.localDataDir();
        Path log = dataDir.resolve(LOG_FILE);
        DataFolder.Joined joined;
        try {
            joined = DataFolder.of(dataDir)
                    .joinOrStart(
                            () -> launch(settings, spaceName, log, context),
                            MAX_STARTS,
                            START_TIMEOUT,
                            () -> waited(context));
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "cannot start the local emulator in " + dataDir + ": " + e.getMessage(),
                    Map.of(),
                    e);
        }
        if (joined instanceof DataFolder.Joined.Serving serving) {
            return new Ready(serving.owner(), serving.startedHere());
        }
        if (joined instanceof DataFolder.Joined.Exited exited) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "cannot start the local emulator in " + dataDir + ": "
                            + lastError(log).orElse("it exited with code " + exited.exitCode()) + " (log: " + log
                            + ")");
        }
        if (joined instanceof DataFolder.Joined.TimedOut) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "the local emulator in " + dataDir + " did not get ready within " + START_TIMEOUT.toSeconds()
                            + " s (log: " + log + ")");
        }
        throw new CliException(
                ExitCodes.FAILED, "stopped while waiting for the local emulator in " + dataDir + " to start");
    }

    /**
     * {@code java … io.vodkit.cli.Main serve --background --data DIR …}, detached, output appended to the log; the
     * launcher it names in its log is a path from the root, as it runs in the data folder.
     */
    private static Process launch(Settings settings, String spaceName, Path log, CliContext context)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED"); // as the jar's manifest does, for sqlite-jdbc
        }
        command.addAll(List.of(
                "-cp",
                absoluteClassPath(),
                Main.class.getName(),
                "serve",
                "--background",
                "--data",
                settings.localDataDir().toString(),
                "--region",
                settings.region(),
                "--space",
                spaceName));
        rotate(log);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.localDataDir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        File devNull = new File("/dev/null");
        if (devNull.exists()) {
            builder.redirectInput(devNull);
        }
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name ->
                        name.startsWith("BYTEPLUS_") || name.startsWith("VOLCENGINE_") || name.startsWith("VOD_"));
        String launcher = context.launcher().word();
        if (launcher.contains("/")) {
            env.put(
                    "VODKIT_LAUNCHER",
                    context.workingDir()
                            .resolve(launcher)
                            .toAbsolutePath()
                            .normalize()
                            .toString());
        }
        env.put("VODKIT_IDLE_MINUTES", String.valueOf(settings.idleTime().toMillis() / 60_000.0));
        settings.ffmpeg()
                .ifPresentOrElse(
                        ffmpeg -> env.put("VODKIT_FFMPEG", ffmpeg.toString()), () -> env.remove("VODKIT_FFMPEG"));
        return builder.start();
    }

    /** This JVM's class path with each entry absolute: the child runs in the data folder. */
    private static String absoluteClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void rotate(Path log) throws IOException {
        if (Files.isRegularFile(log) && Files.size(log) > LOG_LIMIT_BYTES) {
            Files.move(log, log.resolveSibling(LOG_FILE + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The error of the last {@code {"error": …}} line in the last 8 KiB of the log. */
    private static Optional<String> lastError(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            int length = (int) Math.min(file.length(), 8192);
            byte[] tail = new byte[length];
            file.seek(file.length() - length);
            file.readFully(tail);
            List<String> lines =
                    new String(tail, StandardCharsets.UTF_8).lines().toList();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("{\"error\"")) {
                    JsonNode error = new ObjectMapper().readTree(lines.get(i)).get("error");
                    return Optional.ofNullable(error).map(JsonNode::asText);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // reported without the reason
        }
        return Optional.empty();
    }

    /** Waits {@link #POLL}; false when the process is asked to stop meanwhile. */
    static boolean waited(CliContext context) {
        try {
            context.shutdown().get(POLL.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException notAskedToStop) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
