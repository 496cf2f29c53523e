package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import io.vodkit.client.limits.InvalidValueException;
import io.vodkit.client.media.UploadMetadata;
import java.util.Map;
import picocli.CommandLine.Option;

/** The metadata flags of {@code vodkit upload}: what is stored with each uploaded file or pulled URL. */
public final class UploadMetadataOptions {
    /**
     * The flag of each metadata value a {@link io.vodkit.client.limits.Limits} refusal names, also for
     * {@code vodkit update}'s flags of the same name.
     */
    public static final Map<String, String> FLAGS = Map.of(
            "title",
            "--title",
            "description",
            "--description",
            "tags",
            "--tags",
            "category",
            "--category",
            "classificationId",
            "--classification-id",
            "recordType",
            "--record-type",
            "storageClass",
            "--storage-class",
            "callbackArgs",
            "--callback-args",
            "workflowTemplate",
            "--workflow");

    @Option(names = "--title", description = "Title stored with the media (files: 512 characters, URLs: 128).")
    String title;

    @Option(
            names = "--description",
            paramLabel = "TEXT",
            description = "Description (files: 1024 characters, URLs: 256).")
    String description;

    @Option(
            names = "--tags",
            paramLabel = "TAGS",
            description = "Comma-separated tags, at most 16 (URLs: at " + "most 36 characters in all).")
    String tags;

    @Option(
            names = "--category",
            paramLabel = "CATEGORY",
            description = "Material category: video, audio, "
                    + "image, dynamic_img, subtitle or font (needed with --record-type 2).")
    String category;

    @Option(names = "--classification-id", paramLabel = "ID", description = "Classification id of the space.")
    Long classificationId;

    @Option(names = "--record-type", paramLabel = "N", description = "1 audio/video (default), 2 material.")
    Integer recordType;

    @Option(names = "--storage-class", paramLabel = "CLASS", description = "standard (default), archive or ia.")
    String storageClass;

    @Option(
            names = "--callback-args",
            paramLabel = "TEXT",
            description = "Passed through to the upload callbacks (at most 512 bytes).")
    String callbackArgs;

    @Option(
            names = "--workflow",
            paramLabel = "TEMPLATE_ID",
            description = "Start this workflow template once the media is stored (StartWorkflow).")
    String workflow;

    /**
     * The metadata, checked for a file ({@code url} false) or a URL pull.
     *
     * @throws CliException invalid input naming the flag whose value the service would refuse
     */
    public UploadMetadata metadata(boolean url) {
        try {
            return new UploadMetadata(
                            title,
                            description,
                            tags,
                            category,
                            classificationId,
                            recordType,
                            storageClass,
                            callbackArgs,
                            workflow)
                    .check(url);
        } catch (InvalidValueException refused) {
            throw UserValues.refused(refused, FLAGS);
        }
    }
}
