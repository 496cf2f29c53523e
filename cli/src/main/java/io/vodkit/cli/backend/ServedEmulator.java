package io.vodkit.cli.backend;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.emulator.DataDirOwnedException;
import io.vodkit.emulator.DataDirUnsafeException;
import io.vodkit.emulator.Emulator;
import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.Lifetime;
import io.vodkit.emulator.WorkflowTemplate;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code vodkit serve} runs: the emulator started on a configuration, its workflow templates defined, one ready
 * line on stdout, then serving until stopped (Ctrl-C or SIGTERM) or, in the background, until it has been idle long
 * enough; each reason it cannot start is one error naming what to do.
 *
 * @param config       the emulator to start
 * @param templates    workflow templates to define once it runs
 * @param background   whether it is the background emulator commands start (ignores SIGINT/SIGHUP, stops when idle,
 *                     its generated secret key is never printed)
 * @param faultRate    the share of requests failed on purpose (for the stderr notice)
 * @param idle         how long the background emulator serves without use
 */
public record ServedEmulator(
        EmulatorConfig config, List<WorkflowTemplate> templates, boolean background, double faultRate, Duration idle) {
    /** How often the background emulator looks whether it has been idle long enough. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);

    public ServedEmulator {
        templates = List.copyOf(templates);
    }

    /** Starts, prints the ready line and serves until stopped. */
    public void run(CliContext context) throws InterruptedException {
        Path dataDir = config.dataDir();
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
            if (faultRate > 0) {
                context.err()
                        .println("vodkit: failing "
                                + BigDecimal.valueOf(faultRate)
                                        .movePointRight(2)
                                        .stripTrailingZeros()
                                        .toPlainString() + "% of requests on purpose (--fault-rate); "
                                + "/_vodkit/stats counts them");
            }
            if (background) {
                IgnoredSignals.hangUpAndInterrupt();
                context.err()
                        .println("vodkit: emulator serving " + emulator.endpoint() + " in the background; stops "
                                + "after " + LocalEmulator.describe(idle) + " without use, or with `"
                                + LocalEmulator.stopCommand(dataDir, context) + "`");
                context.err().flush();
                awaitIdleOrStop(emulator, context);
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
    }

    /** Returns once a stop is requested, or once the emulator has gone {@code idle} without use. */
    private void awaitIdleOrStop(Emulator emulator, CliContext context) throws InterruptedException {
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
