package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.limits.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vodkit rm VID… | directurl://FILE…}: DeleteMedia (20 a call) and DeleteMediaTosFile. */
@Command(
        name = "rm",
        mixinStandardHelpOptions = true,
        description = {
            "Delete media for good: a Vid with its original file, cover and outputs (DeleteMedia), or "
                    + "directurl://FILENAME, one stored file such as a restoration output (DeleteMediaTosFile; the "
                    + "Vid it came from stays). Prints one JSON line per item: {\"Source\",\"Deleted\":true} or an "
                    + "{\"error\"} line (exit 1).",
            "More than one item: asks first on a terminal; elsewhere needs --yes."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit rm directurl://<DirectUrl>   # a restoration output",
            "  vodkit rm vid://<Vid> --space my_space --yes"
        })
public final class RmCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "VID, vid://VID or directurl://FILENAME.")
    List<String> sources;

    @Option(
            names = {"-y", "--yes"},
            description = "Delete several items without asking.")
    boolean yes;

    @Option(names = "--space", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Mixin
    ServiceOptions service;

    public RmCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Set<String> vids = new LinkedHashSet<>();
        Set<String> files = new LinkedHashSet<>();
        for (String source : sources) {
            MediaSource media = MediaSource.parse(source);
            Optional<String> file = MediaArguments.fileName(source, media);
            if (file.isPresent()) {
                files.add(file.get());
            } else {
                vids.add(MediaArguments.vid(source, media));
            }
        }
        if (files.size() > Limits.MAX_FILE_NAMES) {
            throw CliException.invalidInput("at most " + Limits.MAX_FILE_NAMES + " files at once, got " + files.size());
        }
        int count = vids.size() + files.size();
        if (count > 1 && !yes) {
            confirm(count);
        }
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Ledger ledger = Ledger.open(settings.home());
                Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            JsonLines out = new JsonLines(context.out());
            int exit = ExitCodes.OK;
            if (!vids.isEmpty()) {
                List<String> missing = backend.client().media().delete(new ArrayList<>(vids));
                for (String vid : vids) {
                    if (missing.contains(vid)) {
                        out.write(InfoCommand.missing(vid));
                        exit = ExitCodes.FAILED;
                    } else {
                        // so that uploading the same file again sends it rather than naming the deleted Vid
                        ledger.uploads().forget(backend.ledgerEndpoint(), backend.spaceName(), vid);
                        out.write(deleted("Vid", vid, MediaSource.VID_PREFIX + vid));
                    }
                }
            }
            if (!files.isEmpty()) {
                List<String> failed = backend.client().media().deleteFiles(backend.spaceName(), new ArrayList<>(files));
                for (String file : files) {
                    if (failed.contains(file)) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("error", "the service could not delete " + file + " in space " + backend.spaceName());
                        line.put("FileName", file);
                        line.put("Source", MediaSource.DIRECT_URL_PREFIX + file);
                        out.write(line);
                        exit = ExitCodes.FAILED;
                    } else {
                        out.write(deleted("FileName", file, MediaSource.DIRECT_URL_PREFIX + file));
                    }
                }
            }
            return exit;
        }
    }

    /**
     * Asks on the terminal whether to delete {@code count} items; off a terminal, more than one needs --yes.
     *
     * @throws CliException invalid input when not on a terminal or not confirmed
     */
    private void confirm(int count) {
        if (!context.errIsTerminal()) {
            throw CliException.invalidInput("deleting " + count + " items needs --yes (nothing was deleted)");
        }
        context.err().print("vodkit: delete " + count + " items for good? [y/N] ");
        context.err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(context.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            throw CliException.invalidInput("not confirmed; nothing was deleted");
        }
    }

    private static Map<String, Object> deleted(String key, String value, String source) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(key, value);
        line.put("Source", source);
        line.put("Deleted", true);
        return line;
    }
}
