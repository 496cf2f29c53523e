package io.vodkit.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The background emulators commands without credentials start: tests that run such commands stop them in their
 * teardown with {@link #stopIn}, as a user would, and it checks that none is left.
 */
public final class BackgroundEmulators {
    private BackgroundEmulators() {}

    /** {@code vodkit serve --stop} for {@code home}'s data folder, then asserts no background emulator of it runs. */
    public static void stopIn(Path home) {
        CliResult result = CliRun.run(Map.of("VODKIT_HOME", home.toString()), home.getParent(), "serve", "--stop");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(running(home.resolve("local")))
                .as("background emulators left in %s", home)
                .isEmpty();
    }

    /** The live processes serving {@code dataDir} as a background emulator, found by their command lines. */
    public static List<ProcessHandle> running(Path dataDir) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(process -> arguments(process).contains("--background")
                        && arguments(process).contains(dataDir.toString()))
                .toList();
    }

    /**
     * A process's command line: from {@code /proc} where there is one, since {@link ProcessHandle.Info#arguments()}
     * is empty for command lines over 4 KiB (a test JVM's class path).
     */
    private static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
        } catch (IOException noProcFs) {
            return process.info().arguments().map(List::of).orElse(List.of());
        }
    }
}
