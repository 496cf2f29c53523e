package io.vodkit.cli.backend;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.config.Settings;
import io.vodkit.client.Credentials;
import io.vodkit.emulator.Emulator;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.owner.DataDirOwnedException;
import io.vodkit.emulator.owner.Lifetime;
import io.vodkit.emulator.owner.OwnerInfo;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The local emulator of {@code $VODKIT_HOME/local} as a command (or the MCP server) uses it. One emulator owns a data
 * folder at a time: when none does, this one starts it on the folder's sticky loopback port (and stops it at close);
 * when a long-lived one ({@code vodkit serve}, {@code vodkit mcp}) does, this one uses it and leaves it running; when
 * another command's embedded emulator does, this one waits for that command to finish, then starts its own.
 */
public final class LocalEmulator implements AutoCloseable {
    /** How often the folder is tried again while another command owns it. */
    private static final Duration RETRY = Duration.ofMillis(200);

    private final Optional<Emulator> started;
    private final URI endpoint;
    private final String region;
    private final Credentials credentials;
    private final Optional<Path> trustedCertificate;
    private final Optional<URI> console;

    private LocalEmulator(Optional<Emulator> started, URI endpoint, String region, Credentials credentials,
                          Optional<Path> trustedCertificate, Optional<URI> console) {
        this.started = started;
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.trustedCertificate = trustedCertificate;
        this.console = console;
    }

    /**
     * Starts or joins the emulator of {@code settings.localDataDir()}, saying which on stderr.
     *
     * @param spaceName a space an emulator started here knows (one joined is asked for it by the caller)
     * @param lifetime  what an emulator started here publishes: {@link Lifetime#LONG_LIVED} for a server
     * @throws CliException when {@code spaceName} is invalid, the emulator cannot start, or a stop request arrives
     *                      while waiting
     */
    public static LocalEmulator open(Settings settings, String spaceName, Lifetime lifetime, CliContext context) {
        Path dataDir = settings.localDataDir();
        EmulatorConfig config;
        try {
            config = new EmulatorConfig("127.0.0.1", EmulatorConfig.STICKY_PORT, dataDir, null, null,
                    List.of(spaceName), settings.region(), settings.ffmpeg().orElse(null), List.of(), null, false);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        try (CliContext.Stoppable waiting = context.stoppable()) {
            boolean told = false;
            while (true) {
                try {
                    Emulator emulator = Emulator.start(config, lifetime);
                    context.notice("no BytePlus credentials; using the local emulator at " + emulator.endpoint()
                            + " (data in " + dataDir + "; `vodkit serve` serves it again later)");
                    return new LocalEmulator(Optional.of(emulator), emulator.endpoint(), emulator.region(),
                            new Credentials(emulator.accessKey(), emulator.secretKey()), emulator.caCertificate(),
                            Optional.of(emulator.consoleUrl()));
                } catch (DataDirOwnedException owned) {
                    Optional<OwnerInfo> owner = owned.owner();
                    if (owner.isPresent() && owner.get().lifetime() == Lifetime.LONG_LIVED) {
                        OwnerInfo serving = owner.get();
                        context.notice("no BytePlus credentials; using the local emulator already serving "
                                + dataDir + " at " + serving.endpoint() + " (pid " + serving.pid() + ")");
                        return new LocalEmulator(Optional.empty(), serving.endpoint(), serving.region(),
                                new Credentials(serving.accessKey(), serving.secretKey()),
                                serving.trustedCertificate(), Optional.ofNullable(serving.console()));
                    }
                    String waitingFor = owner.map(o -> "another vodkit command (pid " + o.pid() + ")")
                            .orElse("another vodkit process that is starting it");
                    if (!told) { // once: while the owner stops, its lock outlives its published details
                        context.notice("the local emulator in " + dataDir + " is in use by " + waitingFor
                                + "; waiting for it to finish");
                        told = true;
                    }
                    pause(context, dataDir, waitingFor);
                } catch (IOException e) {
                    throw new CliException(ExitCodes.FAILED, "cannot start the local emulator in " + dataDir + ": "
                            + e.getMessage(), Map.of(), e);
                }
            }
        }
    }

    /** Sleeps a little, unless the process is asked to stop. */
    private static void pause(CliContext context, Path dataDir, String waitingFor) {
        try {
            context.shutdown().get(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // a stop request all the same
        }
        throw new CliException(ExitCodes.FAILED, "stopped while waiting for the local emulator in " + dataDir
                + " (in use by " + waitingFor + ")");
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The CA certificate to trust when it serves HTTPS ({@code vodkit serve --tls}); empty over plain HTTP. */
    public Optional<Path> trustedCertificate() {
        return trustedCertificate;
    }

    /** The web console's address with its token; empty for an emulator too old to publish one. */
    public Optional<URI> console() {
        return console;
    }

    /** Whether it is a long-lived emulator another process (or the MCP server) started and keeps running. */
    public boolean joined() {
        return started.isEmpty();
    }

    /** Stops the emulator if it was started here; one joined keeps running. */
    @Override
    public void close() {
        started.ifPresent(Emulator::close);
    }
}
