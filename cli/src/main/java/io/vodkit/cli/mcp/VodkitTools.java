package io.vodkit.cli.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.cli.CliException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The tools of {@code vodkit mcp}. Each runs the matching command ({@code upload}, {@code poll-upload},
 * {@code enhance}, {@code poll}, {@code play-url}, {@code info}, {@code ls}, {@code download}, {@code rm}) so that it answers with the same JSON and the same errors;
 * {@code wait: false} limits polling to one query ({@code VOD_POLL_MAX=1}), so a job still running comes back at once
 * as the command's time-out line with its {@code resume_hint}.
 */
final class VodkitTools {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPACE = "space";
    private static final String WAIT = "wait";
    private static final String COMPARE = "compare";
    private static final String SPACE_HELP = "VOD space (default: VOD_SPACE_NAME; 'local' on the local emulator).";
    /** list_media's default --limit, so that one answer stays a readable size. */
    private static final int LIST_LIMIT = 100;

    private static final String ERRORS = " Failures are tool errors whose text is the command's {\"error\": …} JSON.";
    private static final List<String> ENHANCE_FIELDS =
            List.of("type", "video", "config", "repair_style", "res", "bit_depth");

    private VodkitTools() {}

    static List<VodkitTool> all() {
        return List.of(
                uploadMedia(),
                getUploadStatus(),
                enhanceVideo(),
                getExecution(),
                getPlayUrl(),
                getMediaInfo(),
                listMedia(),
                downloadMedia(),
                deleteMedia());
    }

    private static VodkitTool uploadMedia() {
        InputSchema schema = new InputSchema()
                .string(
                        "source",
                        "A local media file (absolute path, or relative to the server's working "
                                + "directory) or an http(s) URL the service pulls; it must have a file extension.")
                .string(SPACE, SPACE_HELP)
                .string("title", "Title stored with the media.")
                .bool(
                        WAIT,
                        "URLs: wait until the pull finished (default true); false asks once, and a pull "
                                + "still running comes back with its JobIds for get_upload_status.")
                .require("source");
        return new VodkitTool(
                "upload_media",
                "Upload a local video/audio file, or have BytePlus VOD pull a URL, "
                        + "into a space (like `vodkit upload`). Returns {\"Vid\",\"Source\":\"vid://…\",\"PlayURL\","
                        + "\"PosterUri\",\"FileName\",\"SpaceName\",\"SourceUrl\"} (+\"JobId\" for URLs); reports upload "
                        + "progress when the request carries a progressToken." + ERRORS,
                schema,
                args -> {
                    List<String> command = new ArrayList<>(List.of("upload"));
                    args.text("title").ifPresent(title -> command.addAll(List.of("--title", title)));
                    command.addAll(List.of("--", args.required("source")));
                    return call(command, args);
                });
    }

    private static VodkitTool getUploadStatus() {
        InputSchema schema = new InputSchema()
                .list("JobIds", "The JobId(s) of URL pulls: an array or a comma-separated string.")
                .string(SPACE, SPACE_HELP)
                .bool(WAIT, "Poll until every pull finished (default true); false asks once.")
                .require("JobIds");
        return new VodkitTool(
                "get_upload_status",
                "The outcome of URL pull uploads already submitted (like "
                        + "`vodkit poll-upload`; never re-submits): one upload JSON per JobId, as upload_media returns."
                        + ERRORS,
                schema,
                args -> call(List.of("poll-upload", "--", String.join(",", args.list("JobIds"))), args));
    }

    private static VodkitTool enhanceVideo() {
        InputSchema schema = new InputSchema()
                .string("video", "The video: vid://VID, directurl://FILENAME, or a bare Vid or FileName.")
                .oneOf("type", "What 'video' names when it has no prefix (default Vid).", List.of("Vid", "DirectUrl"))
                .oneOf(
                        "config",
                        "Template for the video type: common (general), ugc (short video), short_series "
                                + "(short drama), aigc (AI-generated), old_film (old film). Ask the user; no default.",
                        List.of("common", "ugc", "short_series", "aigc", "old_film"))
                .oneOf(
                        "tier",
                        "standard or pro (the same as repair_style 1 or 2; Pro needs an allowlisted " + "account).",
                        List.of("standard", "pro"))
                .integer("repair_style", "1 = standard, 2 = pro (or give tier).")
                .string(
                        "res",
                        "Output resolution: 240p, 360p, 480p, 540p, 720p, 1080p, 2k or 4k; omit to keep "
                                + "the source resolution.")
                .integer("bit_depth", "Pro only: 8, 10, 12 or 16 (16 = lossless FFV1, sources up to 40 s).")
                .string(SPACE, SPACE_HELP)
                .bool(
                        WAIT,
                        "Wait for the result (default true); false returns after one poll with the RunId "
                                + "for get_execution.")
                .bool(
                        COMPARE,
                        "When the job succeeds, compare the source with the result (default true): the "
                                + "measures as \"Compare\" in the JSON and the before/after picture as an image.")
                .require("video");
        return new VodkitTool(
                "enhance_video",
                "Restore the quality of an uploaded video with AI (like `vodkit "
                        + "enhance`: StartExecution, then GetExecution until done). Returns {\"Status\":\"Success\","
                        + "\"SpaceName\",\"RunId\",\"VideoUrls\":[{\"FileId\",\"DirectUrl\",\"Source\":\"directurl://…\","
                        + "\"Url\"}],\"AudioUrls\",\"Texts\",\"Compare\":{…}} and a PNG of source | result side by side; "
                        + "reports progress while it polls." + ERRORS,
                schema,
                args -> {
                    args.required("video");
                    ObjectNode params = JSON.createObjectNode();
                    for (String field : ENHANCE_FIELDS) {
                        args.scalar(field).ifPresent(value -> params.set(field, JSON.valueToTree(value)));
                    }
                    List<String> command = new ArrayList<>(List.of("enhance"));
                    args.text("tier").ifPresent(tier -> command.addAll(List.of("--tier", tier)));
                    if (args.flag(COMPARE, true) && args.flag(WAIT, true)) {
                        command.addAll(List.of("--compare", comparePicture().toString()));
                    }
                    command.addAll(List.of("--", params.toString()));
                    return call(command, args);
                });
    }

    private static VodkitTool getExecution() {
        InputSchema schema = new InputSchema()
                .string("RunId", "The RunId of a restoration (from enhance_video).")
                .string(SPACE, SPACE_HELP)
                .bool(WAIT, "Poll until the job ends (default true); false asks once.")
                .require("RunId");
        return new VodkitTool(
                "get_execution",
                "The outcome of a restoration job (like `vodkit poll`): the same " + "JSON as enhance_video." + ERRORS,
                schema,
                args -> call(List.of("poll", "--", args.required("RunId")), args));
    }

    private static VodkitTool getPlayUrl() {
        InputSchema schema = new InputSchema()
                .string(
                        "source",
                        "vid://VID (or a bare Vid) or directurl://FILENAME, e.g. a Source field of "
                                + "upload_media or enhance_video.")
                .string(SPACE, SPACE_HELP)
                .require("source");
        return new VodkitTool(
                "get_play_url",
                "A signed URL that plays or downloads media (like `vodkit "
                        + "play-url`): {\"Source\",\"PlayURL\",\"SpaceName\",…}." + ERRORS,
                schema,
                args -> call(List.of("play-url", "--", args.required("source")), args));
    }

    private static VodkitTool getMediaInfo() {
        InputSchema schema = new InputSchema()
                .list("Vids", "The Vid(s): an array or a comma-separated string (vid://VID works too).")
                .string(SPACE, SPACE_HELP)
                .require("Vids");
        return new VodkitTool(
                "get_media_info",
                "What the service knows about media (like `vodkit info`): one JSON "
                        + "per Vid with Title, Description, Tags, Category, ClassificationId, PublishStatus, StorageClass, "
                        + "Duration, Size, Width, Height, Bitrate, Format, Md5, FileName, PosterUri, CreateTime and a "
                        + "signed PlayURL; an unknown Vid is an {\"error\"} line." + ERRORS,
                schema,
                args -> {
                    List<String> command = new ArrayList<>(List.of("info", "--"));
                    command.addAll(args.list("Vids"));
                    return call(command, args);
                });
    }

    private static VodkitTool listMedia() {
        InputSchema schema = new InputSchema()
                .string(SPACE, SPACE_HELP)
                .oneOf("status", "Only published or only unpublished media.", List.of("published", "unpublished"))
                .string("tags", "Comma-separated: media carrying any of these tags.")
                .string("since", "Created at or after, ISO-8601 (2024-01-01T00:00:00Z).")
                .string("until", "Created at or before, ISO-8601.")
                .oneOf("order", "desc (newest first, default) or asc.", List.of("desc", "asc"))
                .integer("limit", "At most this many media (default " + LIST_LIMIT + ").");
        return new VodkitTool(
                "list_media",
                "List the media of a space (like `vodkit ls --json`), newest first: "
                        + "one JSON per media, the same fields as get_media_info." + ERRORS,
                schema,
                args -> {
                    List<String> command = new ArrayList<>(List.of(
                            "ls", "--json", "--limit", args.text("limit").orElse(String.valueOf(LIST_LIMIT))));
                    for (String option : List.of("status", "tags", "since", "until", "order")) {
                        args.text(option).ifPresent(value -> command.addAll(List.of("--" + option, value)));
                    }
                    return call(command, args);
                });
    }

    private static VodkitTool downloadMedia() {
        InputSchema schema = new InputSchema()
                .string(
                        "source",
                        "vid://VID (the original file), directurl://FILENAME (e.g. a restoration "
                                + "output from enhance_video) or a signed http(s) URL.")
                .string(
                        "output",
                        "File to write, or an existing directory to write into (relative to the "
                                + "server's working directory); default: the file's own name there.")
                .bool("force", "Overwrite the file if it exists (default false).")
                .string(SPACE, SPACE_HELP)
                .require("source");
        return new VodkitTool(
                "download_media",
                "Download media to a file on this machine (like `vodkit "
                        + "download`): streamed, resumed after an interruption, checked against its size and MD5. Returns "
                        + "{\"Source\",\"Path\",\"Size\",\"Md5\"}." + ERRORS,
                schema,
                args -> {
                    List<String> command = new ArrayList<>(List.of("download"));
                    args.text("output").ifPresent(output -> command.addAll(List.of("-o", output)));
                    if (args.flag("force", false)) {
                        command.add("--force");
                    }
                    command.addAll(List.of("--", args.required("source")));
                    return call(command, args);
                });
    }

    private static VodkitTool deleteMedia() {
        InputSchema schema = new InputSchema()
                .list("Vids", "The Vid(s) to delete, listed explicitly: an array or a comma-separated string.")
                .string(SPACE, SPACE_HELP)
                .require("Vids");
        return new VodkitTool(
                "delete_media",
                "DESTRUCTIVE, cannot be undone: delete media for good (like `vodkit "
                        + "rm --yes`), each Vid with its original file, cover and restoration outputs; their URLs stop "
                        + "working. Confirm with the user first. Returns one {\"Vid\",\"Source\",\"Deleted\":true} per "
                        + "Vid; an unknown Vid is an {\"error\"} line." + ERRORS,
                schema,
                args -> {
                    List<String> command = new ArrayList<>(List.of("rm", "--yes", "--"));
                    for (String vid : args.list("Vids")) {
                        if (vid.toLowerCase(Locale.ROOT).startsWith("directurl://")) {
                            throw CliException.invalidInput("delete_media: 'Vids' holds Vids only, got " + vid);
                        }
                        command.add(vid);
                    }
                    return call(command, args);
                });
    }

    /** A fresh file for an enhance_video comparison picture, in the temporary folder. */
    private static Path comparePicture() {
        try {
            return Files.createTempFile("vodkit-compare-", ".png");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a file for the comparison picture", e);
        }
    }

    private static ToolCall call(List<String> command, ToolArguments args) {
        Optional<String> space = args.text(SPACE).filter(name -> !name.isBlank());
        return new ToolCall(command, args.flag(WAIT, true) ? Map.of() : Map.of("VOD_POLL_MAX", "1"), space);
    }
}
