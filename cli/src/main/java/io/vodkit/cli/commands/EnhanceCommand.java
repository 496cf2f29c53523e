package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.compare.CompareJob;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.RestorationParams;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.client.enhance.EnhanceParams;
import java.nio.file.Files;
import java.nio.file.Path;
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
        EnhanceParams request = new RestorationParams(params, type, config, tier, res, bitDepth).parse(context);
        if (download != null && !Files.isDirectory(context.workingDir().resolve(download))) {
            MediaDownloads.target(context.workingDir(), download, "restored.mp4", force);
        }
        Path picture = compare == null
                ? null
                : CompareJob.checkPicturePath(context.workingDir().resolve(compare));
        Settings settings = Settings.resolve(poll.asSettings(service), context.env(), context.workingDir());
        return new RestorationRun(context, settings, service, poll, download, force, picture).run(request, space);
    }
}
