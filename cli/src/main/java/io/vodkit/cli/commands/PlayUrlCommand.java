package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.client.api.MediaInput;
import io.vodkit.client.api.MediaSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit play-url VID|vid://VID|directurl://FILENAME [SPACE]}: a URL that plays or downloads the media. A
 * stored file's URL is built and signed here (play domain from VOD_PLAY_DOMAIN or ListDomain, lifetime
 * VOD_URL_EXPIRE_MINUTES), as for upload and enhance output; a Vid is published and its URL is GetPlayInfo's.
 */
@Command(
        name = "play-url",
        mixinStandardHelpOptions = true,
        description = {
            "Print a signed URL that plays or downloads media in a space, as one JSON line: "
                    + "{\"Source\",\"PlayURL\",\"SpaceName\"} plus \"Vid\" or \"FileName\".",
            "directurl://FILENAME: signed here for VOD_URL_EXPIRE_MINUTES on VOD_PLAY_DOMAIN (or the space's CDN "
                    + "play domain). A Vid: published (playback needs it), then the URL GetPlayInfo returns."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit play-url vid://<Vid>",
            "  vodkit play-url directurl://<DirectUrl> my_space",
            "  VOD_URL_EXPIRE_MINUTES=1440 vodkit play-url vid://<Vid> \\",
            "      --play-domain cdn.example.com"
        })
public final class PlayUrlCommand implements Callable<Integer> {
    private static final Pattern VID = Pattern.compile("[A-Za-z0-9_-]+");

    private final CliContext context;

    @Parameters(
            index = "0",
            paramLabel = "VID|vid://VID|directurl://FILENAME",
            description = "The media: a Vid, or a FileName stored in the space.")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Mixin
    ServiceOptions service;

    public PlayUrlCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        MediaSource media = MediaSource.parse(source);
        String type = media.prefixType().orElse(MediaInput.VID);
        if (media.value().isEmpty()) {
            throw CliException.invalidInput("no media named: give a Vid, vid://VID or directurl://FILENAME");
        }
        if (type.equals(MediaInput.VID) && !VID.matcher(media.value()).matches()) {
            throw CliException.invalidInput("'" + source + "' is not a Vid; give a Vid, vid://VID or "
                    + "directurl://FILENAME for a file stored in the space");
        }
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            Map<String, Object> line = new LinkedHashMap<>();
            String url;
            if (type.equals(MediaInput.VID)) {
                line.put("Vid", media.value());
                url = backend.playUrls().playUrlOfVid(media.value());
                if (url.isEmpty()) {
                    throw new CliException(
                            ExitCodes.FAILED, "GetPlayInfo returned no play URL for " + media.value(), Map.of(), null);
                }
            } else {
                line.put("FileName", media.value());
                url = backend.playUrls().playUrl(backend.spaceName(), media.value());
                if (url.isEmpty()) {
                    throw new CliException(
                            ExitCodes.FAILED,
                            "space " + backend.spaceName() + " has no usable "
                                    + "play domain (a CDN domain with URL authentication off or type A); set "
                                    + "VOD_PLAY_DOMAIN",
                            Map.of(),
                            null);
                }
            }
            line.put("Source", MediaSource.prefix(type) + media.value());
            line.put("PlayURL", url);
            line.put("SpaceName", backend.spaceName());
            new JsonLines(context.out()).write(line);
            return ExitCodes.OK;
        }
    }
}
