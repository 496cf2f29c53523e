package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ByteSize;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.config.UserValues;
import io.vodkit.cli.config.UploadAllowlist;
import io.vodkit.cli.config.UploadMetadataOptions;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.cli.ledger.LedgerUploads;
import io.vodkit.cli.ledger.MediaPresence;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.OrderedLines;
import io.vodkit.cli.output.ProgressDisplay;
import io.vodkit.cli.output.UploadOutput;
import io.vodkit.client.VodException;
import io.vodkit.client.api.UrlUploadJob;
import io.vodkit.client.jobs.JobPoller;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.limits.InvalidValueException;
import io.vodkit.client.limits.Limits;
import io.vodkit.client.pull.PullJobStatus;
import io.vodkit.client.pull.PullResult;
import io.vodkit.client.pull.UrlPullRequest;
import io.vodkit.client.pull.UrlPuller;
import io.vodkit.client.upload.BatchUploader;
import io.vodkit.client.upload.LocalMediaFile;
import io.vodkit.client.upload.MediaUploader;
import io.vodkit.client.upload.PartPlan;
import io.vodkit.client.upload.UploadCheckpoints;
import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit upload SOURCE... [SPACE]}: local files, and the media files of folders, go up {@code --jobs} at a
 * time (ApplyUploadInfo, storage, CommitUploadInfo) unless the ledger shows they already did; http(s) URLs are
 * pulled by the service (UploadMediaByUrl, then QueryUploadTaskInfo until done) and recorded as jobs. Every source
 * is checked before any request; one JSON line per source, in input order, each printed as soon as those before it
 * are; a summary on stderr at the end.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
        description = {"Upload local media files, or have the service pull http(s) URLs, into a VOD space; print one "
                + "JSON line per source with its Vid and play URL.",
            "SOURCE is a file path, a folder (its audio and video files by extension; -r for subfolders too), an "
                    + "http(s) URL, or @FILE listing one source per line, as written (# comments). The last "
                    + "argument is the SPACE when there are several and it is none of these and does not look like a file name "
                    + "(x.mp4, dir/x).",
            "Files already uploaded to the same space (same MD5 and size, per the ledger in $VODKIT_HOME) are "
                    + "not sent again: their line is the earlier upload's, with \"Skipped\": true (--force sends "
                    + "them). The local emulator is first asked whether the earlier Vid still exists; the cloud "
                    + "is not: there --force re-sends what is gone.",
            "With VOD_UPLOAD_ALLOWED_DIRS set, local files must lie in the working directory, the temp directory "
                    + "or those folders (links resolved); others are refused (exit 2)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  vodkit upload movie.mp4            # to VOD_SPACE_NAME, or the local emulator",
            "  vodkit upload movie.mp4 my_space --concurrency 8 --part-size 64MiB",
            "  vodkit upload a.mp4 b.mp4 c.mp4 my_space --jobs 3",
            "  vodkit upload ~/footage -r my_space  # its audio/video; re-runs skip them",
            "  vodkit upload ~/footage -r my_space --force   # send them all again",
            "  vodkit upload https://example.com/a.mp4 https://example.com/b.mov my_space",
            "  vodkit upload @urls.txt my_space   # URLs pulled in batches of 20",
            "Output, one line per SOURCE:",
            "  {\"Vid\",\"Source\":\"vid://…\",\"PlayURL\",\"PosterUri\",\"FileName\",\"SpaceName\",",
            "   \"SourceUrl\"} (+ \"JobId\" for URLs, \"Skipped\":true for files sent before)",
            "A URL pull still running after --poll-max (VOD_POLL_MAX) polls prints (exit 3)",
            "  {\"error\",\"resume_hint\":{\"description\",\"command\"},\"JobIds\",\"State\"}:",
            "  run its command to keep waiting for the same job (nothing is re-submitted)."})
public final class UploadCommand implements Callable<Integer> {
    /** The flag of each request value a {@link Limits} refusal names. */
    private static final Map<String, String> FLAGS = Map.of("fileName", "--file-name", "partSize", "--part-size",
            "concurrency", "--concurrency", "jobs", "--jobs");

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "SOURCE",
            description = "Media file, folder, http(s) URL or @FILE; then SPACE.")
    List<String> positionals;

    @Option(names = {"-r", "--recursive"}, description = "Also upload the media files in the subfolders of a folder.")
    boolean recursive;

    @Option(names = "--force",
            description = "Upload files again even when the ledger shows they are already in this space.")
    boolean force;

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

    @Option(names = "--file-name", paramLabel = "NAME",
            description = "Storage FileName to use (one source only).")
    String fileName;

    @Mixin
    UploadMetadataOptions metadata;

    @Mixin
    ServiceOptions service;

    @Mixin
    PollOptions poll;

    public UploadCommand(CliContext context) {
        this.context = context;
    }

    /**
     * A checked source: a local file of {@code size} bytes and its request, or a URL, or a file found in a folder
     * that cannot be uploaded ({@code problem} says why).
     */
    private record Source(String text, Path file, long size, UploadRequest upload, UrlPullRequest url,
                          String problem) {

        boolean uploadable() {
            return upload != null && problem == null;
        }
    }

    @Override
    public Integer call() {
        long startNanos = System.nanoTime();
        if (concurrency != null) {
            UserValues.check("--concurrency", null, () -> Limits.CONCURRENCY.check((long) concurrency));
        }
        UserValues.check("--jobs", null, () -> Limits.JOBS.check((long) jobs));
        long partBytes = partSizeBytes(partSize);
        UploadSources parsed = UploadSources.parse(positionals, context, recursive, context::notice);
        Settings settings = Settings.resolve(poll.asSettings(service), context.env(), context.workingDir());
        String space = Backend.spaceName(settings, parsed.space());
        List<Source> sources = check(parsed.sources(), space, partBytes);
        try (Ledger ledger = Ledger.open(settings.home());
             Backend backend = Backend.open(settings, Optional.of(space), context)) {
            JobLog jobLog = JobLog.of(ledger, settings);
            PollConfig pollConfig = new PollConfig(settings.pollInterval(), settings.pollMax());
            UrlPuller puller = new UrlPuller(backend.client().api(), new JobPoller(pollConfig));
            List<Source> files = sources.stream().filter(Source::uploadable).toList();
            UploadResults results;
            try (ProgressDisplay progress = ProgressDisplay.forFiles(files.size(),
                    files.stream().mapToLong(Source::size).sum(), context.errStream(), context.errIsTerminal())) {
                results = new UploadResults(sources.size(), new OrderedLines(new JsonLines(context.out()), progress));
                for (int i = 0; i < sources.size(); i++) {
                    if (sources.get(i).problem() != null) {
                        results.put(i, PullReport.failure(sources.get(i).problem(), sources.get(i).text()));
                    }
                }
                Map<Integer, UrlUploadJob> pulls = submitUrls(sources, backend, puller, results, jobLog);
                LedgerUploads uploaded = new LedgerUploads(ledger.uploads(), Backend.ledgerEndpoint(settings), force,
                        presence(settings, backend), Clock.systemUTC(), message -> notice(progress, message));
                uploadFiles(sources, backend, checkpoints(settings, progress), uploaded, progress, results);
                awaitUrls(pulls, sources, puller, new PullReport(backend, pollConfig, context.launcher(),
                        poll.asArguments(service)), jobLog, results, progress);
            }
            context.err().println(results.summary(Duration.ofNanos(System.nanoTime() - startNanos)).describe());
            context.err().flush();
            return results.exitCode();
        }
    }

    /**
     * Every source checked before any request: files must be uploadable, URLs must name a file extension, and the
     * request of each must be within the service's {@link Limits} (a refusal names the flag). A file found in a
     * folder that cannot be uploaded fails alone; a file listed twice is uploaded once.
     */
    private List<Source> check(List<UploadSources.Item> items, String space, long partBytes) {
        if (fileName != null && items.size() > 1) {
            throw CliException.invalidInput("--file-name names one object; give exactly one SOURCE (got "
                    + items.size() + ")");
        }
        List<Source> sources = new ArrayList<>();
        Set<Path> files = new HashSet<>();
        UploadAllowlist allowlist = UploadAllowlist.of(context.env(), context.workingDir(), context.toolCall());
        for (UploadSources.Item item : items) {
            String text = item.text();
            if (UrlPullRequest.isUrl(text)) {
                try {
                    sources.add(new Source(text, null, 0, null, new UrlPullRequest(text, fileName,
                            metadata.metadata(true)), null));
                } catch (VodException invalid) {
                    throw new CliException(ExitCodes.INVALID_INPUT, invalid.getMessage(), Map.of(), invalid);
                } catch (InvalidValueException refused) {
                    throw UserValues.refused(refused, FLAGS);
                }
                continue;
            }
            Path file = context.workingDir().resolve(text).toAbsolutePath().normalize();
            if (!files.add(file)) {
                context.notice("listed more than once, uploaded once: " + file);
                continue;
            }
            allowlist.check(file);
            try {
                sources.add(new Source(file.toString(), file, LocalMediaFile.inspect(file).size(),
                        new UploadRequest(file, space, concurrency == null ? UploadRequest.AUTO_CONCURRENCY
                                : concurrency, partBytes, metadata.metadata(false), fileName), null, null));
            } catch (VodException invalid) {
                if (!item.inFolder()) {
                    throw new CliException(ExitCodes.INVALID_INPUT, invalid.getMessage(), Map.of(), invalid);
                }
                sources.add(new Source(file.toString(), file, 0, null, null, invalid.getMessage()));
            } catch (InvalidValueException refused) {
                throw UserValues.refused(refused, FLAGS);
            }
        }
        if (sources.stream().anyMatch(source -> source.file() != null)) {
            metadata.metadata(false);
        }
        return sources;
    }

    /** Submits the URL sources and records them as jobs; a refused submission fails each of its URLs. */
    private Map<Integer, UrlUploadJob> submitUrls(List<Source> sources, Backend backend, UrlPuller puller,
                                                  UploadResults results, JobLog jobLog) {
        List<Integer> positions = new ArrayList<>();
        List<UrlPullRequest> requests = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).url() != null) {
                positions.add(i);
                requests.add(sources.get(i).url());
            }
        }
        Map<Integer, UrlUploadJob> pulls = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return pulls;
        }
        try {
            List<UrlUploadJob> submitted = puller.submit(backend.spaceName(), requests);
            for (int n = 0; n < positions.size(); n++) {
                pulls.put(positions.get(n), submitted.get(n));
                jobLog.pullSubmitted(backend.spaceName(), submitted.get(n), sources.get(positions.get(n)).text());
            }
        } catch (VodException e) {
            positions.forEach(i -> results.put(i, PullReport.failure(e.getMessage(), sources.get(i).text())));
        }
        return pulls;
    }

    /** Waits for the submitted pulls, records how each ended (or how far it got) and puts its line. */
    private void awaitUrls(Map<Integer, UrlUploadJob> pulls, List<Source> sources, UrlPuller puller,
                           PullReport report, JobLog jobLog, UploadResults results, ProgressDisplay progress) {
        if (pulls.isEmpty()) {
            return;
        }
        PullResult result = puller.await(pulls.values().stream().map(UrlUploadJob::jobId).toList(),
                PullReport.stateChanges(message -> notice(progress, message), context.progress()));
        int n = 0;
        for (Map.Entry<Integer, UrlUploadJob> pull : pulls.entrySet()) {
            PullJobStatus status = result.jobs().get(n++);
            jobLog.pullObserved(report.spaceName(), status);
            results.put(pull.getKey(), report.line(status, sources.get(pull.getKey()).text(), result));
        }
    }

    /**
     * How an earlier upload is known to be still there before its file is skipped: the local emulator is asked, the
     * cloud's ledger entries are trusted (see {@link MediaPresence}).
     */
    private static MediaPresence presence(Settings settings, Backend backend) {
        return Backend.usesLocalEmulator(settings) ? MediaPresence.askGetPlayInfo(backend.client().api())
                : MediaPresence.TRUST_LEDGER;
    }

    /** Where interrupted uploads are remembered ({@code $VODKIT_HOME/checkpoints}), unless {@code --no-resume}. */
    private UploadCheckpoints checkpoints(Settings settings, ProgressDisplay progress) {
        if (noResume) {
            return UploadCheckpoints.disabled();
        }
        return UploadCheckpoints.in(settings.home().resolve("checkpoints"), notice -> notice(progress, notice));
    }

    /**
     * The local files, {@code --jobs} at a time, each with its parts in parallel and a progress bar; a file the
     * ledger knows is skipped. Each file's line is put as soon as the file is done.
     */
    private void uploadFiles(List<Source> sources, Backend backend, UploadCheckpoints checkpoints,
                             LedgerUploads ledger, ProgressDisplay progress, UploadResults results) {
        Map<UploadRequest, Integer> positions = new HashMap<>();
        List<UploadRequest> requests = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).uploadable()) {
                UploadRequest request = sources.get(i).upload();
                positions.put(request, i);
                requests.add(request);
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        MediaUploader uploader = new MediaUploader(backend.client().api(), backend.client().storage(),
                checkpoints);
        new BatchUploader(uploader, jobs, ledger).uploadAll(requests,
                request -> reported(request,
                        progress.started(request.file(), sources.get(positions.get(request)).size())),
                outcome -> {
                    int position = positions.get(outcome.request());
                    long size = sources.get(position).size();
                    boolean sent = outcome.succeeded() && !outcome.skipped();
                    progress.finished(outcome.request().file(), size, sent);
                    results.put(position, line(outcome, backend), outcome.skipped(), sent ? size : 0);
                });
    }

    /** {@code listener}, and the context's progress hook too. */
    private UploadListener reported(UploadRequest request, UploadListener listener) {
        String label = request.file().getFileName().toString();
        return progress -> {
            listener.onProgress(progress);
            context.progress().transferred(label, progress.bytesSent(), progress.totalBytes());
        };
    }

    private static PullReport.Line line(BatchUploader.Outcome outcome, Backend backend) {
        String file = outcome.request().file().toString();
        if (!outcome.succeeded()) {
            return PullReport.failure(outcome.failure().getMessage(), file);
        }
        UploadResult result = outcome.result();
        String playUrl;
        try {
            playUrl = backend.playUrls().playUrlOrEmpty(result.spaceName(), result.fileName(), result.vid());
        } catch (VodException refused) { // the credentials were refused, also for a file the ledger skipped
            return PullReport.failure(refused.getMessage(), file);
        }
        UploadOutput json = UploadOutput.of(result.vid(), playUrl, result.posterUri(), result.fileName(),
                result.spaceName(), file, null);
        return new PullReport.Line(outcome.skipped() ? json.asSkipped() : json, ExitCodes.OK);
    }

    /** A notice while progress bars may be drawn: printed above them. */
    private void notice(ProgressDisplay progress, String message) {
        progress.printAbove(() -> context.notice(message));
    }

    /** {@code --part-size}: absent → 20 MiB; outside {@link Limits#PART_SIZE} or not a size → invalid input. */
    static long partSizeBytes(String text) {
        if (text == null) {
            return PartPlan.DEFAULT_PART_SIZE_BYTES;
        }
        return UserValues.check("--part-size", text, () -> {
            long bytes;
            try {
                bytes = ByteSize.parse(text);
            } catch (IllegalArgumentException notASize) {
                throw new InvalidValueException(Limits.PART_SIZE.name(), Limits.PART_SIZE.accepted()
                        + " (bytes, or a whole number with KiB, MiB or GiB)", "not a size");
            }
            return Limits.PART_SIZE.check(bytes);
        });
    }
}
