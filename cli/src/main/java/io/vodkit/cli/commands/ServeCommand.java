package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.LocalEmulator;
import io.vodkit.cli.config.OutputPaths;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.emulator.DataDirOwnedException;
import io.vodkit.emulator.DataDirUnsafeException;
import io.vodkit.emulator.Emulator;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.FaultPlan;
import io.vodkit.emulator.Lifetime;
import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.WorkflowTemplate;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    /** How often the background emulator looks whether it has been idle long enough. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);

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
        try (CliContext.Stoppable running = context.stoppable();
                Emulator emulator = Emulator.start(config, background ? Lifetime.BACKGROUND : Lifetime.LONG_LIVED)) {
            for (WorkflowTemplate template : templates) {
                try {
                    emulator.defineWorkflowTemplate(template);
                } catch (IllegalStateException e) {
                    throw CliException.invalidInput("--workflow-template: " + e.getMessage());
                }
            }
            new JsonLines(context.out()).write(ready(emulator, dataDir, !background));
            if (rate > 0) {
                context.err()
                        .println("vodkit: failing "
                                + BigDecimal.valueOf(rate)
                                        .movePointRight(2)
                                        .stripTrailingZeros()
                                        .toPlainString() + "% of requests on purpose (--fault-rate); "
                                + "/_vodkit/stats counts them");
            }
            if (background) {
                IgnoredSignals.hangUpAndInterrupt();
                context.err()
                        .println("vodkit: emulator serving " + emulator.endpoint() + " in the background; stops "
                                + "after " + LocalEmulator.describe(settings.idleTime()) + " without use, or with `"
                                + LocalEmulator.stopCommand(dataDir, context) + "`");
                context.err().flush();
                awaitIdleOrStop(emulator, settings.idleTime());
            } else {
                context.err().println("vodkit: emulator serving " + emulator.endpoint() + "; stop with Ctrl-C");
                context.shutdown().join();
            }
            context.err().println("vodkit: emulator stopping");
        } catch (DataDirOwnedException e) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "cannot start the emulator: " + e.getMessage()
                            + "; stop that one first (`" + LocalEmulator.stopCommand(dataDir, context)
                            + "`), or serve another "
                            + "folder with --data DIR",
                    Map.of(),
                    e);
        } catch (BindException e) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "cannot start the emulator: " + e.getMessage()
                            + "; stop what uses that port, or choose another with --port N (--port 0 = any free port)",
                    Map.of(),
                    e);
        } catch (DataDirUnsafeException e) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "cannot start the emulator: " + e.getMessage() + ", or serve another folder with --data DIR",
                    Map.of(),
                    e);
        } catch (IOException e) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "cannot start the emulator with data in " + dataDir + ": " + e.getMessage(),
                    Map.of(),
                    e);
        }
        return ExitCodes.OK;
    }

    /** Returns once a stop is requested, or once the emulator has gone {@code idle} without use. */
    private void awaitIdleOrStop(Emulator emulator, Duration idle) throws InterruptedException {
        Duration check = idle.dividedBy(4).compareTo(IDLE_CHECK) > 0 ? IDLE_CHECK : idle.dividedBy(4);
        while (true) {
            try {
                context.shutdown().get(Math.max(check.toMillis(), 1), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException notYet) {
                if (emulator.idleTime().compareTo(idle) >= 0) {
                    context.err()
                            .println("vodkit: no requests and no running jobs for " + LocalEmulator.describe(idle)
                                    + " (VODKIT_IDLE_MINUTES)");
                    return;
                }
            } catch (ExecutionException e) {
                return;
            }
        }
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

    /** @param secret whether a generated secret key may be shown (the background emulator's goes to a log file) */
    private static Map<String, Object> ready(Emulator emulator, Path dataDir, boolean secret) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("endpoint", emulator.endpoint().toString());
        emulator.caCertificate()
                .ifPresent(ca -> line.put("ca_cert", ca.toAbsolutePath().toString()));
        line.put("region", emulator.region());
        line.put("access_key", emulator.accessKey());
        if (emulator.generatedCredentials() && secret) {
            line.put("secret_key", emulator.secretKey());
        }
        line.put("spaces", emulator.spaces());
        line.put("data", dataDir.toString());
        line.put("console", emulator.consoleUrl().toString());
        return line;
    }
}
