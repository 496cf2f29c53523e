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
import io.vodkit.client.api.UrlUploadJob;
import io.vodkit.client.jobs.JobPoller;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.pull.PullResult;
import io.vodkit.client.pull.UrlPullRequest;
import io.vodkit.client.pull.UrlPuller;
import io.vodkit.client.upload.BatchUploader;
import io.vodkit.client.upload.LocalMediaFile;
import io.vodkit.client.upload.MediaUploader;
import io.vodkit.client.upload.UploadCheckpoints;
import io.vodkit.client.upload.PartPlan;
import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit upload SOURCE... [SPACE]}: local files go up {@code --jobs} at a time (ApplyUploadInfo, storage,
 * CommitUploadInfo); http(s) URLs are pulled by the service (UploadMediaByUrl, then QueryUploadTaskInfo until done).
 * Every source is checked before any request; one JSON line per source, in input order.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload local media files, or have the service pull http(s) URLs, into a VOD space; print one "
                + "JSON line per source with its Vid and play URL.",
            "SOURCE is a file path, an http(s) URL, or @FILE listing one source per line (# comments). The last "
                    + "argument is the SPACE when there are several and it is none of these and does not look like "
                    + "a file name (x.mp4, dir/x)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit upload movie.mp4            # to VOD_SPACE_NAME, or the local emulator",
            "  vodkit upload movie.mp4 my_space --concurrency 8 --part-size 64MiB",
            "  vodkit upload a.mp4 b.mp4 c.mp4 my_space --jobs 3",
            "  vodkit upload https://example.com/a.mp4 https://example.com/b.mov my_space",
            "  vodkit upload @urls.txt my_space   # URLs pulled in batches of 20",
            "Output, one line per SOURCE:",
            "  {\"Vid\",\"Source\":\"vid://…\",\"PlayURL\",\"PosterUri\",\"FileName\",\"SpaceName\",",
            "   \"SourceUrl\"} (+ \"JobId\" for URLs)",
            "A URL pull still running after VOD_POLL_MAX polls prints (exit 3)",
            "  {\"error\",\"resume_hint\":{\"description\",\"command\"},\"JobIds\",\"State\"}:",
            "  run its command to keep waiting for the same job (nothing is re-submitted)."})
public final class UploadCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "SOURCE", description = "Media file, http(s) URL or @FILE; then SPACE.")
    List<String> positionals;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Parts in flight at once per file (default: one per part, at most 8).")
    Integer concurrency;

    @Option(names = "--part-size", paramLabel = "SIZE",
            description = "Part size, at least 20MiB, e.g. 64MiB, 1GiB or bytes (default: 20MiB).")
    String partSize;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "2",
            description = "Local files uploaded at once when several are given (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--no-resume",
            description = "Start large uploads fresh instead of resuming an interrupted upload of the same file.")
    boolean noResume;

    @Option(names = "--title", description = "Title stored with the media.")
    String title;

    @Option(names = "--tags", description = "Comma-separated tags (URL sources).")
    String tags;

    @Option(names = "--file-name", paramLabel = "NAME",
            description = "Storage FileName to use (one source only).")
    String fileName;

    @Option(names = "--callback-args", paramLabel = "TEXT", description = "Passed through to callbacks (URL sources).")
    String callbackArgs;

    @Mixin
    ServiceOptions service;

    public UploadCommand(CliContext context) {
        this.context = context;
    }

    /** A checked source: a local file or a URL. */
    private record Source(String text, Path file, UrlPullRequest url) {
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
        UploadSources parsed = UploadSources.parse(positionals, context.workingDir());
        List<Source> sources = check(parsed.sources());
        Settings settings = Settings.resolve(service.asSettings(), context.env(), context.workingDir());
        try (Backend backend = Backend.open(settings, parsed.space(), context.err())) {
            PollConfig poll = new PollConfig(settings.pollInterval(), settings.pollMax());
            UrlPuller puller = new UrlPuller(backend.client().api(), new JobPoller(poll));
            PullReport report = new PullReport(backend, poll, service.asArguments());
            Map<Integer, PullReport.Line> lines = new LinkedHashMap<>();
            Map<Integer, UrlUploadJob> jobs = submitUrls(sources, backend, puller, lines);
            lines.putAll(uploadFiles(sources, backend, partBytes, checkpoints(settings)));
            if (!jobs.isEmpty()) {
                PullResult result = puller.await(jobs.values().stream().map(UrlUploadJob::jobId).toList(),
                        PullReport.stateChanges(context.err()));
                int n = 0;
                for (Map.Entry<Integer, UrlUploadJob> job : jobs.entrySet()) {
                    lines.put(job.getKey(), report.line(result.jobs().get(n++),
                            sources.get(job.getKey()).text(), result.timedOut()));
                }
            }
            JsonLines out = new JsonLines(context.out());
            List<PullReport.Line> ordered = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                ordered.add(lines.get(i));
                out.write(lines.get(i).json());
            }
            return PullReport.exitCode(ordered);
        }
    }

    /** Every source checked before any request: files must be uploadable, URLs must name a file extension. */
    private List<Source> check(List<String> texts) {
        if (fileName != null && texts.size() > 1) {
            throw CliException.invalidInput("--file-name names one object; give exactly one SOURCE (got "
                    + texts.size() + ")");
        }
        List<Source> sources = new ArrayList<>();
        for (String text : texts) {
            try {
                if (UrlPullRequest.isUrl(text)) {
                    sources.add(new Source(text, null,
                            new UrlPullRequest(text, title, tags, fileName, callbackArgs)));
                } else {
                    Path file = context.workingDir().resolve(text).toAbsolutePath().normalize();
                    LocalMediaFile.inspect(file);
                    sources.add(new Source(file.toString(), file, null));
                }
            } catch (VodException invalid) {
                throw new CliException(ExitCodes.INVALID_INPUT, invalid.getMessage(), Map.of(), invalid);
            }
        }
        boolean anyFile = sources.stream().anyMatch(source -> source.file() != null);
        if (anyFile && (tags != null || callbackArgs != null)) {
            throw CliException.invalidInput("--tags and --callback-args apply to URL sources only");
        }
        return sources;
    }

    /** Submits the URL sources; a refused submission becomes the error line of each of its URLs. */
    private Map<Integer, UrlUploadJob> submitUrls(List<Source> sources, Backend backend, UrlPuller puller,
                                                  Map<Integer, PullReport.Line> lines) {
        List<Integer> positions = new ArrayList<>();
        List<UrlPullRequest> requests = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).url() != null) {
                positions.add(i);
                requests.add(sources.get(i).url());
            }
        }
        Map<Integer, UrlUploadJob> jobs = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return jobs;
        }
        try {
            List<UrlUploadJob> submitted = puller.submit(backend.spaceName(), requests);
            for (int n = 0; n < positions.size(); n++) {
                jobs.put(positions.get(n), submitted.get(n));
            }
        } catch (VodException e) {
            positions.forEach(i -> lines.put(i, PullReport.failure(e.getMessage(), sources.get(i).text())));
        }
        return jobs;
    }

    /**
     * The local files, {@code --jobs} at a time, each with its parts in parallel; a progress bar when there is
     * one file. Returns each file's line by its source position.
     */
    /** Where interrupted uploads are remembered ({@code $VODKIT_HOME/checkpoints}), unless {@code --no-resume}. */
    private UploadCheckpoints checkpoints(Settings settings) {
        if (noResume) {
            return UploadCheckpoints.disabled();
        }
        return UploadCheckpoints.in(settings.home().resolve("checkpoints"), notice -> {
            context.err().println("vodkit: " + notice);
            context.err().flush();
        });
    }

    private Map<Integer, PullReport.Line> uploadFiles(List<Source> sources, Backend backend, long partBytes,
                                                      UploadCheckpoints checkpoints) {
        List<Integer> positions = new ArrayList<>();
        List<UploadRequest> requests = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path file = sources.get(i).file();
            if (file != null) {
                positions.add(i);
                requests.add(new UploadRequest(file, backend.spaceName(),
                        concurrency == null ? UploadRequest.AUTO_CONCURRENCY : concurrency, partBytes, title,
                        fileName));
            }
        }
        Map<Integer, PullReport.Line> lines = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return lines;
        }
        MediaUploader uploader = new MediaUploader(backend.client().api(), backend.client().storage(),
                checkpoints);
        List<ProgressDisplay> bars = new ArrayList<>();
        try {
            List<BatchUploader.Outcome> outcomes = new BatchUploader(uploader, jobs).uploadAll(requests,
                    request -> requests.size() == 1 ? progressBar(request, bars) : UploadListener.NONE,
                    outcome -> { });
            for (int n = 0; n < outcomes.size(); n++) {
                lines.put(positions.get(n), line(outcomes.get(n), backend));
            }
        } finally {
            bars.forEach(ProgressDisplay::close);
        }
        return lines;
    }

    private ProgressDisplay progressBar(UploadRequest request, List<ProgressDisplay> bars) {
        ProgressDisplay bar = ProgressDisplay.forUpload(request.file().getFileName().toString(),
                request.file().toFile().length(), context.errStream(), context.errIsTerminal());
        bars.add(bar);
        return bar;
    }

    private static PullReport.Line line(BatchUploader.Outcome outcome, Backend backend) {
        String file = outcome.request().file().toString();
        if (!outcome.succeeded()) {
            return PullReport.failure(outcome.failure().getMessage(), file);
        }
        UploadResult result = outcome.result();
        String playUrl = backend.playUrls().playUrlOrEmpty(result.spaceName(), result.fileName(), result.vid());
        return new PullReport.Line(UploadOutput.of(result.vid(), playUrl, result.posterUri(), result.fileName(),
                result.spaceName(), file, null), ExitCodes.OK);
    }

    /** {@code --part-size}: absent → 20 MiB; below 20 MiB or not a size → invalid input. */
    static long partSizeBytes(String text) {
        if (text == null) {
            return PartPlan.DEFAULT_PART_SIZE_BYTES;
        }
        try {
            return PartPlan.checkPartSize(ByteSize.parse(text));
        } catch (IllegalArgumentException e) {
            throw CliException.invalidInput("--part-size must be at least 20MiB (e.g. 20MiB, 64MiB, 1GiB or bytes), "
                    + "got " + text);
        }
    }
}
