package io.vodkit.cli.commands;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.compare.CompareJob;
import io.vodkit.cli.compare.CompareSources;
import io.vodkit.cli.compare.MediaCache;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.enhance.EnhanceParams;
import io.vodkit.client.enhance.InvalidEnhanceParamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit enhance PARAMS [SPACE]}: validates the parameters (nothing is sent when they are invalid), submits
 * StartExecution, polls GetExecution and prints a downloadable URL of the restored video.
 */
@Command(
        name = "enhance",
        mixinStandardHelpOptions = true,
        description = {
            "Restore the quality of an uploaded video (StartExecution / GetExecution) and print a URL "
                    + "that downloads the result, as one JSON line.",
            "PARAMS: inline JSON, @file.json (one JSON object, at most 1 MiB), or just the video (vid://… or directurl://…) when flags give the "
                    + "rest. Fields: type (Vid|DirectUrl), video, config (common|ugc|short_series|aigc|old_film), "
                    + "repair_style (1 standard | 2 pro), res (240p…1080p, 2k, 4k; omitted = source), "
                    + "bit_depth (8|10|12|16, Pro only). Flags override the JSON."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit enhance '{\"video\":\"vid://<Vid>\",\"config\":\"common\",\"repair_style\":1}'",
            "  vodkit enhance directurl://<FileName> my_space --config old_film \\",
            "      --tier standard --res 720p",
            "  vodkit enhance @params.json --tier pro --bit-depth 10",
            "  vodkit enhance vid://<Vid> --config common --tier standard --download out.mp4",
            "  vodkit enhance vid://<Vid> --config common --tier standard --compare diff.png",
            "Output:",
            "  {\"Status\":\"Success\",\"SpaceName\",\"RunId\",",
            "   \"VideoUrls\":[{\"FileId\",\"DirectUrl\",\"Source\",\"Url\"}],",
            "   \"AudioUrls\":[],\"Texts\":[]}",
            "   (+ \"Download\":{\"Source\",\"Path\",\"Size\",\"Md5\"} with --download)",
            "  with --compare also \"Compare\":{…}: `vodkit compare` of source and result",
            "On time-out (exit 3) the resume_hint command `vodkit poll RUN_ID SPACE`",
            "continues the same job."
        })
public final class EnhanceCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** The largest {@code @FILE} of PARAMS read. */
    static final int MAX_PARAMS_FILE_BYTES = 1 << 20;

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PARAMS", description = "Inline JSON, @file.json, or the video.")
    String params;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Option(names = "--type", paramLabel = "Vid|DirectUrl", description = "What 'video' names.")
    String type;

    @Option(names = "--config", paramLabel = "TEMPLATE", description = "common, ugc, short_series, aigc or old_film.")
    String config;

    @Option(names = "--tier", paramLabel = "standard|pro", description = "repair_style 1 (standard) or 2 (pro).")
    String tier;

    @Option(names = "--res", paramLabel = "RES", description = "Target resolution (240p…1080p, 2k, 4k, original).")
    String res;

    @Option(names = "--bit-depth", paramLabel = "N", description = "Output bit depth: 8, 10, 12 or 16 (Pro only).")
    String bitDepth;

    @Option(
            names = "--download",
            paramLabel = "PATH",
            description = "When the job succeeds, download the restored video to PATH (a file, or a directory).")
    String download;

    @Option(names = "--force", description = "With --download: overwrite PATH if it exists.")
    boolean force;

    @Option(
            names = "--compare",
            paramLabel = "FILE.png|FILE.html",
            description = "When the job succeeds, compare the source with the result (as `vodkit compare`), nest "
                    + "the measures in the line as \"Compare\" and draw the picture here.")
    Path compare;

    @Mixin
    ServiceOptions service;

    @Mixin
    PollOptions poll;

    public EnhanceCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        EnhanceParams request = validate(merged());
        if (download != null && !Files.isDirectory(context.workingDir().resolve(download))) {
            MediaDownloads.target(context.workingDir(), download, "restored.mp4", force);
        }
        Path picture = compare == null
                ? null
                : CompareJob.checkPicturePath(context.workingDir().resolve(compare));
        Settings settings = Settings.resolve(poll.asSettings(service), context.env(), context.workingDir());
        CompareJob compareJob = picture == null ? null : new CompareJob(CompareJob.tools(settings.ffmpeg()));
        try (Ledger ledger = Ledger.open(settings.home());
                Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            JobLog jobLog = JobLog.of(ledger, settings);
            ExecutionFollower follower = new ExecutionFollower(context, backend, settings, service, poll, jobLog);
            if (download != null) {
                follower.downloading(download, force);
            }
            String runId;
            try {
                runId = follower.enhancer().submit(request, backend.spaceName());
            } catch (InvalidEnhanceParamsException invalid) {
                throw invalidParameters(invalid.getMessage(), invalid.parameters());
            }
            jobLog.restoreSubmitted(backend.spaceName(), runId, request.source());
            context.notice("restoration submitted, RunId " + runId);
            if (compareJob == null) {
                return follower.follow(runId);
            }
            return follower.follow(runId, (outputSpace, fileName) -> {
                Map<String, Object> comparison = new LinkedHashMap<>(compare(
                        compareJob,
                        settings,
                        backend,
                        request.source(),
                        MediaSource.DIRECT_URL_PREFIX + fileName,
                        picture));
                CompareCommand.restoration(
                                ledger.jobs(),
                                backend.ledgerEndpoint(),
                                outputSpace,
                                MediaSource.DIRECT_URL_PREFIX + fileName)
                        .ifPresent(s -> comparison.put("restoration", s));
                return Map.of("Compare", comparison);
            });
        }
    }

    /** The comparison of the source with the restored file; a failure is reported inside it, the job succeeded. */
    private Map<String, Object> compare(
            CompareJob job, Settings settings, Backend backend, String before, String after, Path picture) {
        context.notice("comparing " + before + " with " + after);
        try (CompareSources sources = CompareSources.borrowing(
                context.workingDir(), new MediaCache(settings.home(), settings.requestTimeout()), backend)) {
            return job.run(
                    sources.resolve("BEFORE", before),
                    sources.resolve("AFTER", after),
                    null,
                    picture,
                    CompareJob.DEFAULT_FRAMES);
        } catch (CliException e) {
            return Map.of("error", e.getMessage());
        }
    }

    /** PARAMS as a JSON object, with the flags written over it. */
    private ObjectNode merged() {
        JsonNode base = readParams();
        if (!base.isObject()) {
            throw CliException.invalidInput("PARAMS must be one JSON object (see vodkit enhance --help)");
        }
        ObjectNode json = (ObjectNode) base;
        putIfSet(json, "type", type);
        putIfSet(json, "config", config);
        putIfSet(json, "res", res);
        putIfSet(json, "bit_depth", bitDepth);
        if (tier != null) {
            switch (tier.strip().toLowerCase(Locale.ROOT)) {
                case "standard" -> json.put("repair_style", EnhanceParams.STANDARD);
                case "pro" -> json.put("repair_style", EnhanceParams.PRO);
                default -> throw invalidParameters("the restoration tier must be Standard or Pro", List.of("--tier"));
            }
        }
        return json;
    }

    /**
     * PARAMS as JSON: {@code @FILE} holds one JSON object (any layout, at most {@link #MAX_PARAMS_FILE_BYTES}),
     * text starting with {@code {} or {@code [} is inline JSON, anything else names the video. A JSON error gives
     * where the text went wrong, never the text itself (a file may hold anything).
     */
    private JsonNode readParams() {
        Optional<Path> file = ArgumentFile.reference(params, context);
        String what = file.map(path -> "PARAMS file " + path).orElse("PARAMS");
        try {
            if (file.isPresent()) {
                return present(
                        JSON.readTree(ArgumentFile.read(file.get(), "PARAMS file", MAX_PARAMS_FILE_BYTES)), what);
            }
            String text = params.strip();
            if (!text.startsWith("{") && !text.startsWith("[")) {
                return JSON.createObjectNode().put("video", text);
            }
            return present(JSON.readTree(text), what);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw CliException.invalidInput(what + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; it must hold one JSON object");
        } catch (IOException e) {
            throw CliException.invalidInput(
                    "cannot read " + what + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static JsonNode present(JsonNode node, String what) {
        if (node == null || node.isMissingNode()) {
            throw CliException.invalidInput(what + " is empty; it must hold one JSON object");
        }
        return node;
    }

    /** The parameters, or one error line naming every violation (so all can be fixed at once). */
    private static EnhanceParams validate(ObjectNode json) {
        EnhanceParams.Parsed parsed = EnhanceParams.parse(json);
        if (parsed instanceof EnhanceParams.Invalid invalid) {
            throw invalidParameters(invalid.message(), invalid.parameters());
        }
        return ((EnhanceParams.Valid) parsed).params();
    }

    /**
     * Invalid input in the user's words; the parameter names (which a person is not shown) go in
     * {@code "Code"} and {@code "Parameters"} for programs.
     */
    private static CliException invalidParameters(String message, List<String> parameters) {
        return new CliException(
                ExitCodes.INVALID_INPUT, message, Map.of("Code", "InvalidParameter", "Parameters", parameters), null);
    }

    private static void putIfSet(ObjectNode json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }
}
