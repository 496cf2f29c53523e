package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.ProgressDisplay;
import io.vodkit.cli.output.UploadOutput;
import io.vodkit.client.VodException;
import io.vodkit.client.upload.LocalMediaFile;
import io.vodkit.client.upload.MediaUploader;
import io.vodkit.client.upload.PartPlan;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vodkit upload PATH [SPACE]}: ApplyUploadInfo, the storage upload, CommitUploadInfo; prints one line. */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = "Upload a local media file to a VOD space and print its Vid and play URL as one JSON line.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit upload movie.mp4                 # to VOD_SPACE_NAME (or the local emulator)",
            "  vodkit upload movie.mp4 my_space --concurrency 8",
            "Output: {\"Vid\",\"Source\":\"vid://…\",\"PlayURL\",\"PosterUri\",\"FileName\",\"SpaceName\",\"SourceUrl\"}"})
public final class UploadCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "PATH", description = "The media file to upload (with an extension).")
    String path;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SPACE", description = "VOD space (VOD_SPACE_NAME).")
    String space;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4",
            description = "Parts in flight at once for large files (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--title", description = "Title stored with the media.")
    String title;

    @Mixin
    ServiceOptions service;

    public UploadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (concurrency < 1 || concurrency > UploadRequest.MAX_CONCURRENCY) {
            throw CliException.invalidInput("--concurrency must be between 1 and " + UploadRequest.MAX_CONCURRENCY
                    + ", got " + concurrency);
        }
        Path file = context.workingDir().resolve(path).toAbsolutePath().normalize();
        checkFile(file);
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, Optional.ofNullable(space), context.err())) {
            UploadRequest request = new UploadRequest(file, backend.spaceName(), concurrency,
                    PartPlan.DEFAULT_PART_SIZE_BYTES, title, null);
            UploadResult result;
            try (ProgressDisplay progress = ProgressDisplay.forUpload(file.getFileName().toString(),
                    file.toFile().length(), context.errStream(), context.errIsTerminal())) {
                result = new MediaUploader(backend.client().api(), backend.client().storage()).upload(request, progress);
            }
            String playUrl = backend.playUrls().playUrl(result.spaceName(), result.fileName());
            new JsonLines(context.out()).write(UploadOutput.of(result.vid(), playUrl, result.posterUri(),
                    result.fileName(), result.spaceName(), file.toString(), null));
            return ExitCodes.OK;
        }
    }

    private static void checkFile(Path file) {
        try {
            LocalMediaFile.inspect(file);
        } catch (VodException invalid) {
            throw new CliException(ExitCodes.INVALID_INPUT, invalid.getMessage(), Map.of(), invalid);
        }
    }
}
