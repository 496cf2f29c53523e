package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.MediaLine;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.media.MediaInfo;
import io.vodkit.client.media.MediaInfos;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vodkit info VID…}: GetMediaInfos, 20 Vids a call; one line per Vid in the order given. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = {
            "Print what the service knows about media, one JSON line per Vid: title, description, "
                    + "tags, category, classification, publish and storage status, duration, size, frame size, "
                    + "bitrate, format, MD5, poster, creation time and a freshly signed PlayURL of the original.",
            "A Vid the service does not have prints an {\"error\"} line (exit 1)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit info vid://<Vid>",
            "  vodkit info <Vid> --space my_space",
            "Output, one line per Vid:",
            "  {\"Vid\",\"Source\",\"SpaceName\",\"Title\",\"Description\",\"Tags\",\"Category\",",
            "   \"ClassificationId\",\"PublishStatus\",\"StorageClass\",\"Duration\",\"Size\",",
            "   \"Width\",\"Height\",\"Bitrate\",\"Format\",\"Md5\",\"FileName\",\"PosterUri\",",
            "   \"CreateTime\",\"PlayURL\"}"
        })
public final class InfoCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "VID", description = "Vids, bare or as vid://VID.")
    List<String> sources;

    @Option(
            names = "--space",
            paramLabel = "SPACE",
            description = "VOD space (VOD_SPACE_NAME); GetMediaInfos "
                    + "finds a Vid in any space, the space is needed only to start.")
    String space;

    @Mixin
    ServiceOptions service;

    public InfoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<String> vids = MediaArguments.vids(sources);
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            MediaInfos found = backend.client().media().infos(vids);
            Map<String, MediaInfo> byVid =
                    found.media().stream().collect(Collectors.toMap(MediaInfo::vid, Function.identity(), (a, b) -> a));
            JsonLines out = new JsonLines(context.out());
            int exit = ExitCodes.OK;
            for (String vid : vids.stream().distinct().toList()) {
                MediaInfo media = byVid.get(vid);
                if (media == null) {
                    out.write(missing(vid));
                    exit = ExitCodes.FAILED;
                } else {
                    out.write(MediaLine.of(media, backend.playUrls()));
                }
            }
            return exit;
        }
    }

    /** The line of a Vid the service does not have. */
    static Map<String, Object> missing(String vid) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("error", "no media with Vid " + vid + " (the service lists it in NotExistVids)");
        line.put("Vid", vid);
        line.put("Source", MediaSource.VID_PREFIX + vid);
        return line;
    }
}
