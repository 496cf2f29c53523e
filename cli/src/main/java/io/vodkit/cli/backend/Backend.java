package io.vodkit.cli.backend;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.config.Settings;
import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.http.RetryPolicy;
import io.vodkit.client.url.PlayUrlResolver;
import java.util.Optional;

/**
 * The service one command talks to: BytePlus (or the endpoint given) when credentials are set, otherwise the local
 * emulator of {@code $VODKIT_HOME/local} ({@link LocalEmulator}): the one serving that folder if there is one, else
 * one started in the background on its sticky loopback port, which outlives the command. The background emulator
 * refuses the Pro restoration tier, as the cloud does for accounts that are not allowlisted
 * ({@code vodkit serve --allow-pro} serves it).
 */
public final class Backend implements AutoCloseable {
    /** The space used against the local emulator when none is named. */
    public static final String LOCAL_DEFAULT_SPACE = "local";

    private final VodClient client;
    private final String spaceName;
    private final boolean local;
    private final String ledgerEndpoint;

    private Backend(VodClient client, String spaceName, Settings settings) {
        this.client = client;
        this.spaceName = spaceName;
        this.local = usesLocalEmulator(settings);
        this.ledgerEndpoint = ledgerEndpoint(settings);
    }

    /**
     * Decides where to send requests; {@code spaceArg} (the command's SPACE) wins over {@code VOD_SPACE_NAME}.
     * Configuration errors are raised before anything is started.
     */
    public static Backend open(Settings settings, Optional<String> spaceArg, CliContext context) {
        String spaceName = spaceName(settings, spaceArg);
        if (usesLocalEmulator(settings)) {
            return local(settings, spaceName, context);
        }
        if (!settings.hasCredentials()) {
            throw CliException.invalidInput("VOD_ENDPOINT (or VOD_HOST) is set but no credentials are: set "
                    + "BYTEPLUS_ACCESSKEY and BYTEPLUS_SECRETKEY, or unset it to use the local emulator");
        }
        VodClientConfig config = new VodClientConfig(
                settings.endpoint().orElse(Settings.DEFAULT_ENDPOINT),
                settings.region(),
                new Credentials(
                        settings.accessKey().orElseThrow(), settings.secretKey().orElseThrow()),
                null,
                settings.requestTimeout(),
                null);
        return new Backend(client(config, settings), spaceName, settings);
    }

    /**
     * The space a command works in, decided without a request: {@code spaceArg} (the command's SPACE), else
     * {@code VOD_SPACE_NAME}, else {@value #LOCAL_DEFAULT_SPACE} for the local emulator; the cloud needs one.
     */
    public static String spaceName(Settings settings, Optional<String> spaceArg) {
        Optional<String> space = spaceArg.filter(s -> !s.isBlank()).or(settings::spaceName);
        if (settings.hasCredentials()) {
            return space.orElseThrow(
                    () -> CliException.invalidInput("no space given: pass SPACE or set VOD_SPACE_NAME"));
        }
        return space.orElse(LOCAL_DEFAULT_SPACE);
    }

    /**
     * Which service the ledger files work under: the endpoint URL when credentials are set, else the embedded
     * emulator, named by its data folder ({@code local:DIR}) whatever port it gets and whichever process runs it, so
     * that uploads to the cloud and to the local emulator are never confused. Needs no running service.
     */
    public static String ledgerEndpoint(Settings settings) {
        return settings.hasCredentials()
                ? settings.endpoint().orElse(Settings.DEFAULT_ENDPOINT).toString()
                : "local:" + settings.localDataDir();
    }

    /**
     * No credentials and no endpoint are set: commands run against the local emulator. The one rule {@link #open}
     * follows, for a command that decides before (or without) opening a backend.
     */
    public static boolean usesLocalEmulator(Settings settings) {
        return !settings.hasCredentials() && settings.endpoint().isEmpty();
    }

    /** The local emulator, joined or started in the background; one joined is asked for the space. */
    private static Backend local(Settings settings, String spaceName, CliContext context) {
        LocalEmulator emulator = LocalEmulator.connect(settings, spaceName, context);
        VodClient client = client(
                new VodClientConfig(
                        emulator.endpoint(),
                        emulator.region(),
                        emulator.credentials(),
                        null,
                        settings.requestTimeout(),
                        null,
                        emulator.trustedCertificate().orElse(null)),
                settings);
        try {
            if (!emulator.knowsSpace()) {
                client.media().createSpace(spaceName);
            }
            return new Backend(client, spaceName, settings);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** A client that tries each request up to {@code VOD_MAX_ATTEMPTS} times, with the play URL settings. */
    private static VodClient client(VodClientConfig config, Settings settings) {
        return VodClient.builder(config)
                .retry(RetryPolicy.defaults().withMaxAttempts(settings.maxAttempts()))
                .playUrls(settings.playUrls())
                .build();
    }

    public VodClient client() {
        return client;
    }

    public String spaceName() {
        return spaceName;
    }

    public PlayUrlResolver playUrls() {
        return client.playUrls();
    }

    /** Whether this is the local emulator (not the cloud or an endpoint given). */
    public boolean local() {
        return local;
    }

    /** {@link #ledgerEndpoint(Settings)} of this backend's settings. */
    public String ledgerEndpoint() {
        return ledgerEndpoint;
    }

    @Override
    public void close() {
        client.close();
    }
}
