package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.config.UserValues;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.MediaLine;
import io.vodkit.cli.output.MediaTable;
import io.vodkit.client.limits.Limits;
import io.vodkit.client.media.MediaInfo;
import io.vodkit.client.media.MediaQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vodkit ls [SPACE]}: GetMediaList page after page, filtered, as JSON lines or (on a terminal) a table. */
@Command(
        name = "ls",
        mixinStandardHelpOptions = true,
        description = {
            "List the media of a space, newest first: one JSON line per media (the same fields as "
                    + "'vodkit info'), or an aligned table when stdout is a terminal (--json forces lines).",
            "The service lets one filter reach its first 10000 media; narrow by --since/--until for more."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit ls",
            "  vodkit ls my_space --status published --limit 50",
            "  vodkit ls --tags sea,holiday --since 2024-01-01T00:00:00Z --order asc",
            "  vodkit ls --storage-class archive --json"
        })
public final class LsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Option(
            names = "--status",
            paramLabel = "STATUS",
            split = ",",
            description = "published and/or unpublished (comma-separated).")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--tags", paramLabel = "TAGS", split = ",", description = "Media with any of these tags.")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--classification-id",
            paramLabel = "ID",
            split = ",",
            description = "Media of these classification ids (0 = unclassified; at most 20).")
    List<Long> classificationIds = new ArrayList<>();

    @Option(names = "--storage-class", paramLabel = "CLASS", split = ",", description = "standard, archive, ia.")
    List<String> storageClasses = new ArrayList<>();

    @Option(
            names = "--since",
            paramLabel = "TIME",
            description = "Created at or after (ISO-8601, e.g. " + "2024-01-01T00:00:00Z).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Created at or before (ISO-8601).")
    String until;

    @Option(
            names = "--order",
            paramLabel = "ORDER",
            defaultValue = "desc",
            description = "desc (newest first, the default) or asc.")
    String order;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Print at most N media (default: all the service " + "lets the filter reach).")
    Integer limit;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "100",
            description = "Media per GetMediaList call, 1-100 (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--json", description = "JSON lines even on a terminal.")
    boolean json;

    @Mixin
    ServiceOptions service;

    public LsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MediaQuery query = query();
        UserValues.check("--page-size", null, () -> Limits.PAGE_SIZE.check((long) pageSize));
        if (limit != null && limit < 1) {
            throw CliException.invalidInput("--limit must be at least 1, got " + limit);
        }
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            boolean table = context.outIsTerminal() && !json;
            List<MediaInfo> shown = new ArrayList<>();
            JsonLines out = new JsonLines(context.out());
            backend.client()
                    .media()
                    .forEach(backend.spaceName(), query, limit == null ? Long.MAX_VALUE : limit, pageSize, media -> {
                        if (table) {
                            shown.add(media);
                        } else {
                            out.write(MediaLine.of(media, backend.playUrls()));
                        }
                    });
            if (table) {
                MediaTable.print(shown, context.out());
            }
            return ExitCodes.OK;
        }
    }

    private MediaQuery query() {
        List<String> status = statuses.stream()
                .map(s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
                    case "published" -> "Published";
                    case "unpublished" -> "Unpublished";
                    default -> throw CliException.invalidInput("--status must be published or unpublished, got " + s);
                })
                .toList();
        String direction = order.toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw CliException.invalidInput("--order must be asc or desc, got " + order);
        }
        List<String> classes = UserValues.check(
                "--storage-class",
                null,
                () -> storageClasses.stream().map(Limits::storageClass).toList());
        try {
            return new MediaQuery(
                    status,
                    tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList(),
                    classificationIds,
                    classes,
                    time("--since", since),
                    time("--until", until),
                    direction.equals("asc"));
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput(e.getMessage());
        }
    }

    private static Instant time(String flag, String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw CliException.invalidInput(flag + " must be an ISO-8601 time like 2024-01-01T00:00:00Z, got " + text);
        }
    }
}
