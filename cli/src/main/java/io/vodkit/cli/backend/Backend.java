package io.vodkit.cli.backend;

import io.vodkit.cli.CliException;
import io.vodkit.cli.config.Settings;
import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.url.PlayUrlResolver;
import io.vodkit.emulator.Emulator;
import io.vodkit.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The service one command talks to: BytePlus (or the endpoint given) when credentials are set, otherwise the local
 * emulator started in-process on its sticky loopback port, with its data under {@code $VODKIT_HOME/local}. The
 * embedded emulator refuses the Pro restoration tier, as the cloud does for accounts that are not allowlisted
 * ({@code vodkit serve --allow-pro} serves it).
 */
public final class Backend implements AutoCloseable {
    /** The space used against the local emulator when none is named. */
    public static final String LOCAL_DEFAULT_SPACE = "local";

    private final VodClient client;
    private final Optional<Emulator> emulator;
    private final String spaceName;
    private final PlayUrlResolver playUrls;

    private Backend(VodClient client, Optional<Emulator> emulator, String spaceName, Settings settings) {
        this.client = client;
        this.emulator = emulator;
        this.spaceName = spaceName;
        this.playUrls = new PlayUrlResolver(client.api(), settings.playDomain().orElse(null), settings.urlExpiry(),
                client.config().clock(), new SecureRandom());
    }

    /**
     * Decides where to send requests; {@code spaceArg} (the command's SPACE) wins over {@code VOD_SPACE_NAME}.
     * Configuration errors are raised before anything is started.
     */
    public static Backend open(Settings settings, Optional<String> spaceArg, PrintWriter err) {
        Optional<String> space = spaceArg.filter(s -> !s.isBlank()).or(settings::spaceName);
        if (settings.hasCredentials()) {
            String spaceName = space.orElseThrow(() -> CliException.invalidInput(
                    "no space given: pass SPACE or set VOD_SPACE_NAME"));
            VodClientConfig config = new VodClientConfig(settings.endpoint().orElse(Settings.DEFAULT_ENDPOINT),
                    settings.region(),
                    new Credentials(settings.accessKey().orElseThrow(), settings.secretKey().orElseThrow()), null,
                    settings.requestTimeout(), null);
            return new Backend(client(config, settings), Optional.empty(), spaceName, settings);
        }
        if (settings.accessKey().isPresent() || settings.secretKey().isPresent()) {
            throw CliException.invalidInput("incomplete credentials: set both BYTEPLUS_ACCESSKEY and "
                    + "BYTEPLUS_SECRETKEY (" + (settings.accessKey().isPresent() ? "BYTEPLUS_SECRETKEY"
                    : "BYTEPLUS_ACCESSKEY") + " is missing)");
        }
        if (settings.endpoint().isPresent()) {
            throw CliException.invalidInput("VOD_ENDPOINT is set but BYTEPLUS_ACCESSKEY and BYTEPLUS_SECRETKEY "
                    + "are not; set them, or unset VOD_ENDPOINT to use the local emulator");
        }
        return local(settings, space.orElse(LOCAL_DEFAULT_SPACE), err);
    }

    /**
     * Which service the ledger files work under: the endpoint URL when credentials are set, else the embedded
     * emulator, named by its data folder ({@code local:DIR}) whatever port it gets, so that uploads to the cloud and
     * to the local emulator are never confused. Needs no running service.
     */
    public static String ledgerEndpoint(Settings settings) {
        return settings.hasCredentials() ? settings.endpoint().orElse(Settings.DEFAULT_ENDPOINT).toString()
                : "local:" + settings.localDataDir();
    }

    /** No credentials and no endpoint are set: commands run against the embedded local emulator. */
    public static boolean usesLocalEmulator(Settings settings) {
        return settings.accessKey().isEmpty() && settings.secretKey().isEmpty() && settings.endpoint().isEmpty();
    }

    private static Backend local(Settings settings, String spaceName, PrintWriter err) {
        Emulator emulator = startEmbedded(settings, spaceName, err);
        VodClientConfig clientConfig = new VodClientConfig(emulator.endpoint(), emulator.region(),
                new Credentials(emulator.accessKey(), emulator.secretKey()), null, settings.requestTimeout(), null);
        return new Backend(client(clientConfig, settings), Optional.of(emulator), spaceName, settings);
    }

    /**
     * Starts the embedded emulator on its sticky loopback port with its data under {@code $VODKIT_HOME/local},
     * knowing {@code spaceName}, and says so on {@code err}.
     */
    public static Emulator startEmbedded(Settings settings, String spaceName, PrintWriter err) {
        EmulatorConfig config;
        try {
            config = new EmulatorConfig("127.0.0.1", EmulatorConfig.STICKY_PORT, settings.localDataDir(), null, null,
                    List.of(spaceName), settings.region(), settings.ffmpeg().orElse(null), List.of(), null, false);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        Emulator emulator;
        try {
            emulator = Emulator.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local emulator in " + settings.localDataDir(), e);
        }
        err.println("vodkit: no BytePlus credentials; using the local emulator at " + emulator.endpoint()
                + " (data in " + settings.localDataDir() + "; `vodkit serve` serves it again later)");
        err.flush();
        return emulator;
    }

    /** A client that tries each request up to {@code VOD_MAX_ATTEMPTS} times. */
    private static VodClient client(VodClientConfig config, Settings settings) {
        return new VodClient(config, RetryPolicy.defaults().withMaxAttempts(settings.maxAttempts()));
    }

    public VodClient client() {
        return client;
    }

    public String spaceName() {
        return spaceName;
    }

    public PlayUrlResolver playUrls() {
        return playUrls;
    }

    public boolean isLocal() {
        return emulator.isPresent();
    }

    @Override
    public void close() {
        client.close();
        emulator.ifPresent(Emulator::close);
    }
}
