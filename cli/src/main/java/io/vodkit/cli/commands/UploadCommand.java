package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ByteSize;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.ProgressDisplay;
import io.vodkit.cli.output.UploadOutput;
import io.vodkit.client.VodException;
import io.vodkit.client.upload.BatchUploader;
import io.vodkit.client.upload.LocalMediaFile;
import io.vodkit.client.upload.MediaUploader;
import io.vodkit.client.upload.PartPlan;
import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit upload PATH... [SPACE]}: ApplyUploadInfo, the storage upload, CommitUploadInfo; prints one line per
 * file. Several files go up {@code --jobs} at a time; the last argument is the SPACE when no such file exists.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload local media files to a VOD space and print each one's Vid and play URL as a JSON line.",
            "The last argument is the SPACE when it is not an existing file."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit upload movie.mp4                 # to VOD_SPACE_NAME (or the local emulator)",
            "  vodkit upload movie.mp4 my_space --concurrency 8 --part-size 64MiB",
            "  vodkit upload a.mp4 b.mp4 c.mp4 my_space --jobs 3",
            "Output: {\"Vid\",\"Source\":\"vid://…\",\"PlayURL\",\"PosterUri\",\"FileName\",\"SpaceName\",\"SourceUrl\"}"})
public final class UploadCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "PATH... [SPACE]",
            description = "Media files to upload (with extensions), then optionally the VOD space (VOD_SPACE_NAME).")
    List<String> arguments;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Parts in flight at once per file (default: one per part, at most 8).")
    Integer concurrency;

    @Option(names = "--part-size", paramLabel = "SIZE",
            description = "Part size, at least 20MiB, e.g. 64MiB, 1GiB or bytes (default: 20MiB).")
    String partSize;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "Files uploaded at once when several are given (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--title", description = "Title stored with the media.")
    String title;

    @Mixin
    ServiceOptions service;

    public UploadCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (concurrency != null && (concurrency < 1 || concurrency > UploadRequest.MAX_CONCURRENCY)) {
            throw CliException.invalidInput("--concurrency must be between 1 and " + UploadRequest.MAX_CONCURRENCY
                    + ", got " + concurrency);
        }
        if (jobs < 1 || jobs > BatchUploader.MAX_JOBS) {
            throw CliException.invalidInput("--jobs must be between 1 and " + BatchUploader.MAX_JOBS + ", got " + jobs);
        }
        long partBytes = partSizeBytes(partSize);
        List<Path> files = new ArrayList<>();
        for (String argument : arguments) {
            files.add(context.workingDir().resolve(argument).toAbsolutePath().normalize());
        }
        String space = null;
        if (files.size() > 1 && !Files.exists(files.get(files.size() - 1))) {
            space = arguments.get(arguments.size() - 1);
            files.remove(files.size() - 1);
        }
        files.forEach(UploadCommand::checkFile);
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, Optional.ofNullable(space), context.err())) {
            int perFile = concurrency == null ? UploadRequest.AUTO_CONCURRENCY : concurrency;
            List<UploadRequest> requests = new ArrayList<>();
            files.forEach(file -> requests.add(
                    new UploadRequest(file, backend.spaceName(), perFile, partBytes, title, null)));
            MediaUploader uploader = new MediaUploader(backend.client().api(), backend.client().storage());
            return requests.size() == 1 ? uploadOne(backend, uploader, requests.get(0))
                    : uploadAll(backend, uploader, requests);
        }
    }

    /** One file: a progress bar, and any failure is the command's. */
    private int uploadOne(Backend backend, MediaUploader uploader, UploadRequest request) {
        Path file = request.file();
        UploadResult result;
        try (ProgressDisplay progress = ProgressDisplay.forUpload(file.getFileName().toString(),
                file.toFile().length(), context.errStream(), context.errIsTerminal())) {
            result = uploader.upload(request, progress);
        }
        print(backend, result, file);
        return ExitCodes.OK;
    }

    /** Several files, {@code --jobs} at a time: a line per file as it finishes, an error line for each failure. */
    private int uploadAll(Backend backend, MediaUploader uploader, List<UploadRequest> requests) {
        JsonLines out = new JsonLines(context.out());
        List<BatchUploader.Outcome> outcomes = new BatchUploader(uploader, jobs).uploadAll(requests,
                request -> UploadListener.NONE, outcome -> {
                    if (outcome.succeeded()) {
                        print(backend, outcome.result(), outcome.request().file());
                    } else {
                        Map<String, String> line = new LinkedHashMap<>();
                        line.put("error", String.valueOf(outcome.failure().getMessage()));
                        line.put("SourceUrl", outcome.request().file().toString());
                        out.write(line);
                    }
                });
        return outcomes.stream().allMatch(BatchUploader.Outcome::succeeded) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void print(Backend backend, UploadResult result, Path file) {
        String playUrl = backend.playUrls().playUrl(result.spaceName(), result.fileName());
        new JsonLines(context.out()).write(UploadOutput.of(result.vid(), playUrl, result.posterUri(),
                result.fileName(), result.spaceName(), file.toString(), null));
    }

    /** {@code --part-size}: absent → 20 MiB; below 20 MiB or not a size → invalid input. */
    static long partSizeBytes(String text) {
        if (text == null) {
            return PartPlan.DEFAULT_PART_SIZE_BYTES;
        }
        try {
            return PartPlan.checkPartSize(ByteSize.parse(text));
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput("--part-size must be at least 20MiB (e.g. 20MiB, 64MiB, 1GiB or bytes), got "
                    + text);
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
