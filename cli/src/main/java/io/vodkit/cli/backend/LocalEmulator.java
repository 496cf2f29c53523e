package io.vodkit.cli.backend;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.config.Settings;
import io.vodkit.client.Credentials;
import io.vodkit.emulator.DataFolder;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.OwnerInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local emulator of {@code $VODKIT_HOME/local} as a command (or the MCP server) reaches it: the one serving that
 * folder ({@code vodkit serve}, or the background emulator an earlier command started), else a background emulator
 * started now ({@link BackgroundEmulator}). Either way it keeps serving after the command exits, so the URLs the
 * command prints keep working, until {@code vodkit serve --stop} ({@link #stop}) or, for the background one, until
 * it has been idle for {@code VODKIT_IDLE_MINUTES}.
 *
 * @param trustedCertificate the CA certificate to trust when it serves HTTPS ({@code vodkit serve --tls})
 * @param knowsSpace         whether it was started here with the command's space (one joined is asked to create it)
 * @param console            its web console's address with the token of this run; empty for an emulator too old to
 *                           publish one
 */
public record LocalEmulator(
        URI endpoint,
        String region,
        Credentials credentials,
        Optional<Path> trustedCertificate,
        boolean knowsSpace,
        Optional<URI> console) {
    /** How long {@code serve --stop} waits for the emulator to end (it lets in-flight requests finish first). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Joins the emulator serving {@code settings.localDataDir()}, or starts one in the background; says on stderr
     * where it runs and how to stop it.
     *
     * @param spaceName the command's space: a started emulator knows it
     * @throws CliException when {@code spaceName} is invalid, the emulator cannot start, or a stop request arrives
     *                      while waiting for it
     */
    public static LocalEmulator connect(Settings settings, String spaceName, CliContext context) {
        Path dataDir = settings.localDataDir();
        try {
            EmulatorConfig.builder(dataDir)
                    .spaces(List.of(spaceName))
                    .region(settings.region())
                    .ffmpeg(settings.ffmpeg().orElse(null))
                    .build();
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        String stop = stopCommand(dataDir, context);
        Optional<OwnerInfo> serving = DataFolder.of(dataDir).serving();
        if (serving.isPresent()) {
            context.notice("no BytePlus credentials; using the local emulator at "
                    + serving.get().endpoint() + " (pid " + serving.get().pid() + ", data in " + dataDir
                    + "; stop it with `" + stop + "`)");
            return of(serving.get(), false);
        }
        BackgroundEmulator.Ready ready = BackgroundEmulator.start(settings, spaceName, context);
        OwnerInfo owner = ready.owner();
        context.notice("no BytePlus credentials; " + (ready.startedHere() ? "started" : "using") + " the local "
                + "emulator in the background at " + owner.endpoint() + " (pid " + owner.pid() + ", data in "
                + dataDir + ", log in " + dataDir.resolve(BackgroundEmulator.LOG_FILE) + "); it keeps the printed "
                + "URLs working until `" + stop + "` or " + describe(settings.idleTime()) + " without use");
        return of(owner, ready.startedHere());
    }

    private static LocalEmulator of(OwnerInfo owner, boolean knowsSpace) {
        return new LocalEmulator(
                owner.endpoint(),
                owner.region(),
                new Credentials(owner.accessKey(), owner.secretKey()),
                owner.trustedCertificate(),
                knowsSpace,
                Optional.ofNullable(owner.console()));
    }

    /**
     * Stops the emulator serving {@code dataDir} (SIGTERM; it finishes in-flight requests and re-queues running jobs
     * for its next start) and waits for it to end.
     *
     * @return the JSON line to print: {@code stopped}, {@code pid}, {@code endpoint}, {@code data}, or
     *         {@code stopped: false} with a {@code message} when none serves the folder
     */
    public static Map<String, Object> stop(Path dataDir, CliContext context) {
        Map<String, Object> line = new LinkedHashMap<>();
        Optional<OwnerInfo> stopped;
        try {
            stopped = DataFolder.of(dataDir).stop(STOP_TIMEOUT, () -> BackgroundEmulator.waited(context));
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, e.getMessage(), Map.of(), e);
        }
        if (stopped.isEmpty()) {
            line.put("stopped", false);
            line.put("data", dataDir.toString());
            line.put("message", "no local emulator serves " + dataDir);
            return line;
        }
        OwnerInfo owner = stopped.get();
        line.put("stopped", true);
        line.put("pid", owner.pid());
        line.put("endpoint", owner.endpoint().toString());
        line.put("data", dataDir.toString());
        return line;
    }

    /**
     * {@code vodkit serve --stop} as the user types it ({@link CliContext#launcher()}), with {@code --data DIR} when
     * {@code dataDir} is not the default data folder.
     */
    public static String stopCommand(Path dataDir, CliContext context) {
        List<String> arguments = new ArrayList<>(List.of("serve", "--stop"));
        Path defaultData =
                Settings.resolve(Map.of(), context.env(), context.workingDir()).localDataDir();
        if (!defaultData.equals(dataDir)) {
            arguments.addAll(List.of("--data", dataDir.toString()));
        }
        return context.launcher().command(arguments);
    }

    /** An idle time for messages: {@code 30 min}, or {@code 3 s} when not whole minutes. */
    public static String describe(Duration idle) {
        long seconds = idle.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
