package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.backend.LocalEmulator;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.Browser;
import io.vodkit.cli.output.JsonLines;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code vodkit console}: the local emulator's web console. Reaches the emulator serving {@code $VODKIT_HOME/local}
 * ({@code vodkit serve}, or the background one, started now when none runs) and prints its console's address as one
 * JSON line.
 */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        description = {
            "Print the address of the local emulator's web console as one JSON line: {\"url\"}.",
            "The address carries a token that is new at each emulator start: whoever has it can read and change "
                    + "the space, so keep it to yourself. The emulator serving $VODKIT_HOME/local is used (vodkit "
                    + "serve, or the background emulator, started when none runs); it keeps serving the console "
                    + "until vodkit serve --stop or its idle time."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit console          # print the address: {\"url\": …}",
            "  vodkit console --open   # and open it in the default browser"
        })
public final class ConsoleCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--open", description = "Also open the console in the default web browser.")
    boolean open;

    public ConsoleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings settings = Settings.resolve(Map.of(), context.env(), context.workingDir());
        LocalEmulator emulator =
                LocalEmulator.connect(settings, settings.spaceName().orElse(Backend.LOCAL_DEFAULT_SPACE), context);
        URI url = emulator.console()
                .orElseThrow(() -> new CliException(
                        ExitCodes.FAILED,
                        "the emulator serving " + settings.localDataDir() + " at " + emulator.endpoint()
                                + " has no console; stop it with vodkit serve --stop and run vodkit console again",
                        Map.of(),
                        null));
        new JsonLines(context.out()).write(Map.of("url", url.toString()));
        if (open) {
            Browser.open(url, context::notice);
        }
        return ExitCodes.OK;
    }
}
