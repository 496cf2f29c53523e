package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.LocalEmulator;
import io.vodkit.cli.backend.ServedEmulator;
import io.vodkit.cli.config.OutputPaths;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.FaultPlan;
import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.WorkflowTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code vodkit serve}: runs the local BytePlus VOD emulator until SIGINT/SIGTERM. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the local BytePlus VOD emulator (OpenAPI, upload gateway, playback) until stopped.",
            "Prints one JSON line when ready: {\"endpoint\",\"region\",\"access_key\",\"spaces\",\"console\",…}; "
                    + "the secret key is printed only when it was generated; console is the web console's address "
                    + "(its token is new at each start).",
            "One emulator uses a data folder at a time: while this one runs, vodkit commands without credentials "
                    + "use it; a folder another emulator uses is refused.",
            "Commands without credentials start one in the background when none runs; it serves until "
                    + "`vodkit serve --stop` or VODKIT_IDLE_MINUTES (default 30) without requests or running jobs."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit serve               # data in $VODKIT_HOME/local, its usual port",
            "  vodkit serve --port 0 --data vod-data --space demo \\",
            "      --access-key AK --secret-key SK",
            "  vodkit serve --allow-pro   # also restore with the Pro tier",
            "  vodkit serve --fault-rate 0.2   # fail 1 request in 5 on purpose",
            "  vodkit serve --stop        # stop the emulator serving $VODKIT_HOME/local",
            "  vodkit serve --tls         # HTTPS; ca_cert: the CA's PEM to trust",
            "  vodkit serve --workflow-template hd=transcode:720p   # upload --workflow hd",
            "Then point any BytePlus client at it: VOD_ENDPOINT is the endpoint it prints,",
            "BYTEPLUS_ACCESSKEY and BYTEPLUS_SECRETKEY are its keys (AK and SK above)."
        })
public final class ServeCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "Port to bind; 0 = any free port (default: the port this data folder used last).")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder (default: $VODKIT_HOME/local).")
    Path data;

    @Option(
            names = "--access-key",
            paramLabel = "AK",
            description = "Access key clients must use (default: generated).")
    String accessKey;

    @Option(
            names = "--secret-key",
            paramLabel = "SK",
            description = "Secret key clients must use (default: generated).")
    String secretKey;

    @Option(names = "--space", paramLabel = "NAME", description = "A space to create (repeatable).")
    List<String> spaces = List.of();

    @Option(
            names = "--workflow-template",
            paramLabel = "ID=transcode:HEIGHTp",
            description = "A workflow template StartWorkflow (upload --workflow ID) can run, e.g. "
                    + "hd=transcode:720p: an H.264 MP4 of that height, listed in the media's TranscodeInfos "
                    + "(repeatable; needs ffmpeg; kept in the data folder).")
    List<String> workflowTemplates = new ArrayList<>();

    @Option(names = "--region", description = "Region the emulator signs for (default: VOD_REGION or ap-singapore-1).")
    String region;

    @Option(
            names = "--allow-pro",
            description = "Accept the Pro restoration tier (repair_style 2); refused with 403 by default, as BytePlus "
                    + "does for accounts that are not allowlisted.")
    boolean allowPro;

    @Option(
            names = "--allow-private-sources",
            description = "Let URL pulls fetch from loopback and private addresses when --host is not a loopback "
                    + "address (refused by default then; the emulator's own port is refused always).")
    boolean allowPrivateSources;

    @Option(
            names = "--link-latency-ms",
            paramLabel = "N",
            defaultValue = "0",
            description = "Simulated link: milliseconds added before each response (default: 0, off).")
    long linkLatencyMs;

    @Option(
            names = "--link-rate",
            paramLabel = "BYTES_PER_S",
            defaultValue = "0",
            description = "Simulated link: request-body bytes per second per connection (default: 0, unlimited).")
    long linkRate;

    @Option(
            names = "--fault-rate",
            paramLabel = "R",
            defaultValue = "0",
            description = "Fail this share of requests on purpose, 0 to 1 (default: 0, off): each failing request "
                    + "gets a 500, a 503, a connection reset, a stall of " + FaultPlan.DEFAULT_STALL_SECONDS
                    + " s or a truncated answer.")
    String faultRate;

    @Option(
            names = "--stop",
            description = "Stop the emulator serving the data folder (--data, default $VODKIT_HOME/local) and print "
                    + "one JSON line {\"stopped\",…}; exit 0 also when none runs.")
    boolean stop;

    @Option(
            names = "--background",
            hidden = true,
            description = "Run as the background emulator commands start: ignore SIGINT/SIGHUP, stop after "
                    + "VODKIT_IDLE_MINUTES without requests or running jobs.")
    boolean background;

    @Option(
            names = "--tls",
            description = "Serve HTTPS instead of HTTP: on first use a local CA and a server certificate (for "
                    + "127.0.0.1, localhost and --host) are made in the data folder; the ready line names the CA's "
                    + "PEM (ca_cert) for clients to trust, and every URL handed out is https.")
    boolean tls;

    public ServeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            throw CliException.invalidInput("--port must be between 0 and 65535, got " + port);
        }
        if (linkLatencyMs < 0) {
            throw CliException.invalidInput("--link-latency-ms must be 0 or more, got " + linkLatencyMs);
        }
        if (linkRate < 0) {
            throw CliException.invalidInput(
                    "--link-rate must be 0 (unlimited) or more bytes per second, got " + linkRate);
        }
        double rate = faultRate(faultRate);
        if ((accessKey == null) != (secretKey == null)) {
            throw CliException.invalidInput("--access-key and --secret-key go together: give both or neither");
        }
        List<WorkflowTemplate> templates = new ArrayList<>();
        for (String definition : workflowTemplates) {
            try {
                templates.add(WorkflowTemplate.parse(definition));
            } catch (IllegalArgumentException e) {
                throw CliException.invalidInput("--workflow-template: " + e.getMessage());
            }
        }
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("VOD_REGION", region);
        Settings settings = Settings.resolve(flags, context.env(), context.workingDir());
        Path dataDir = data == null
                ? settings.localDataDir()
                : OutputPaths.folder(
                        "--data", context.workingDir().resolve(data).normalize());
        if (stop) {
            new JsonLines(context.out()).write(LocalEmulator.stop(dataDir, context));
            return ExitCodes.OK;
        }
        EmulatorConfig config;
        try {
            config = EmulatorConfig.builder(dataDir)
                    .host(host)
                    .port(port == null ? EmulatorConfig.STICKY_PORT : port)
                    .tls(tls)
                    .credentials(accessKey, secretKey)
                    .spaces(spaces)
                    .region(settings.region())
                    .ffmpeg(settings.ffmpeg().orElse(null))
                    .allowPro(allowPro)
                    .urlPull(UrlPullConfig.DEFAULTS.withAllowPrivateSources(allowPrivateSources))
                    .faults(rate == 0 ? FaultPlan.OFF : FaultPlan.of(rate))
                    .linkLatency(Duration.ofMillis(linkLatencyMs))
                    .linkRate(linkRate)
                    .build();
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
        new ServedEmulator(config, templates, background, rate, settings.idleTime()).run(context);
        return ExitCodes.OK;
    }

    /** {@code --fault-rate}: a number from 0 to 1. */
    private static double faultRate(String text) {
        try {
            double rate = Double.parseDouble(text.strip());
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CliException.invalidInput("--fault-rate must be a number from 0 to 1, got '" + text + "'");
    }
}
