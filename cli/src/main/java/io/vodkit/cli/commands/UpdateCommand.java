package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.config.UploadMetadataOptions;
import io.vodkit.cli.config.UserValues;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.MediaLine;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.limits.InvalidValueException;
import io.vodkit.client.limits.Limits;
import io.vodkit.client.media.MediaInfo;
import io.vodkit.client.media.MediaUpdate;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vodkit update VID}: UpdateMediaInfo, UpdateMediaPublishStatus, UpdateMediaStorageClass. */
@Command(
        name = "update",
        mixinStandardHelpOptions = true,
        description = {
            "Change a media's information, publish status or storage class, then print its line as "
                    + "'vodkit info' does.",
            "A flag left out leaves its field as it is; an empty value (--tags '') clears it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit update vid://<Vid> --title 'Sea at dawn' --tags sea,dawn",
            "  vodkit update <Vid> --description '' --publish",
            "  vodkit update <Vid> --storage-class archive"
        })
public final class UpdateCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "VID", description = "The Vid, bare or as vid://VID.")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Option(names = "--title", description = "Title (at most 512 characters).")
    String title;

    @Option(names = "--description", description = "Description (at most 1024 characters).")
    String description;

    @Option(names = "--tags", description = "Comma-separated tags, at most 16; '' removes them all.")
    String tags;

    @Option(
            names = "--category",
            description = "Material category: video, audio, image, dynamic_img, " + "subtitle, font.")
    String category;

    @Option(names = "--classification-id", paramLabel = "ID", description = "Classification id; 0 = none.")
    Long classificationId;

    @Option(names = "--poster-uri", paramLabel = "URI", description = "Cover image URI (a stored object's StoreUri).")
    String posterUri;

    @ArgGroup(exclusive = true)
    Publishing publishing;

    static final class Publishing {
        @Option(names = "--publish", description = "Publish it (playable through GetPlayInfo).")
        boolean publish;

        @Option(names = "--unpublish", description = "Unpublish it.")
        boolean unpublish;
    }

    @Option(names = "--storage-class", paramLabel = "CLASS", description = "standard, archive or ia.")
    String storageClass;

    @Mixin
    ServiceOptions service;

    public UpdateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        String vid = MediaArguments.vid(source, MediaSource.parse(source));
        MediaUpdate update;
        try {
            update = new MediaUpdate(title, description, tags, category, classificationId, posterUri);
            Limits.STORAGE_CLASS.check(storageClass);
        } catch (InvalidValueException refused) {
            throw UserValues.refused(refused, UploadMetadataOptions.FLAGS);
        }
        if (update.isEmpty() && publishing == null && storageClass == null) {
            throw CliException.invalidInput("nothing to change: give --title, --description, --tags, --category, "
                    + "--classification-id, --poster-uri, --publish/--unpublish or --storage-class");
        }
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            Optional<MediaInfo> after = backend.client()
                    .media()
                    .change(vid, update, publishing == null ? null : publishing.publish, storageClass);
            if (after.isEmpty()) {
                new JsonLines(context.out()).write(InfoCommand.missing(vid));
                return ExitCodes.FAILED;
            }
            MediaInfo media = after.get();
            new JsonLines(context.out()).write(MediaLine.of(media, backend.playUrls()));
            return ExitCodes.OK;
        }
    }
}
