package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.cli.ledger.LedgerUploads;
import io.vodkit.cli.ledger.MediaPresence;
import io.vodkit.cli.ledger.ReportedMd5s;
import io.vodkit.cli.output.BatchSummary;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.OrderedLines;
import io.vodkit.cli.output.ProgressDisplay;
import io.vodkit.cli.output.UploadLine;
import io.vodkit.cli.output.UploadOutput;
import io.vodkit.client.VodException;
import io.vodkit.client.api.UrlUploadJob;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.pull.PullJobStatus;
import io.vodkit.client.pull.PullResult;
import io.vodkit.client.pull.UrlPullRequest;
import io.vodkit.client.pull.UrlPuller;
import io.vodkit.client.upload.UploadCheckpoints;
import io.vodkit.client.upload.UploadConfig;
import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadOutcome;
import io.vodkit.client.upload.UploadRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One {@code vodkit upload} run over checked sources: local files go up through the client's uploader ({@code --jobs}
 * at a time, skipped when the ledger shows they already did, resumed from checkpoints), URLs are submitted and
 * waited for; one typed line per source in source order, each printed as soon as those before it are, and a summary
 * on stderr at the end.
 */
final class UploadRun {

    /** A checked source: a local file, a URL, or a file found in a folder that cannot be uploaded. */
    sealed interface Source {
        String text();
    }

    /** A local file and what to upload it as. */
    record FileSource(String text, UploadRequest request) implements Source {
        long size() {
            return request.media().size();
        }
    }

    /** An http(s) URL the service pulls. */
    record UrlSource(String text, UrlPullRequest request) implements Source {}

    /** A file found in a folder that fails alone ({@code problem} says why). */
    record Unusable(String text, String problem) implements Source {}

    /** What the run is told besides its sources: the user's flags, in the client's terms. */
    /** {@code checkpoints}: where interrupted uploads are remembered, {@code null} for none ({@code --no-resume}). */
    record Options(
            UploadConfig tuning,
            int jobs,
            boolean force,
            Path checkpoints,
            PollConfig poll,
            List<String> serviceArguments) {}

    private final CliContext context;
    private final Backend backend;
    private final Ledger ledger;
    private final JobLog jobLog;
    private final Options options;

    UploadRun(CliContext context, Backend backend, Ledger ledger, JobLog jobLog, Options options) {
        this.context = context;
        this.backend = backend;
        this.ledger = ledger;
        this.jobLog = jobLog;
        this.options = options;
    }

    /** Uploads and pulls every source, prints their lines and the summary; returns the exit code. */
    int run(List<Source> sources, long startNanos) {
        List<FileSource> files = sources.stream()
                .filter(FileSource.class::isInstance)
                .map(FileSource.class::cast)
                .toList();
        UploadResults results;
        try (ProgressDisplay progress = ProgressDisplay.forFiles(
                files.size(),
                files.stream().mapToLong(FileSource::size).sum(),
                context.errStream(),
                context.errIsTerminal())) {
            results = new UploadResults(sources.size(), new OrderedLines(new JsonLines(context.out()), progress));
            Consumer<String> notices = message -> progress.printAbove(() -> context.notice(message));
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) instanceof Unusable unusable) {
                    results.put(i, UploadLine.Failed.of(unusable.problem(), unusable.text()));
                }
            }
            Map<Integer, UrlSource> urls = new LinkedHashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                if (sources.get(i) instanceof UrlSource url) {
                    urls.put(i, url);
                }
            }
            UrlPuller puller = urls.isEmpty() ? null : backend.client().pulls(options.poll());
            Map<Integer, UrlUploadJob> pulls = urls.isEmpty() ? Map.of() : submit(urls, puller, results);
            uploadFiles(sources, progress, notices, results);
            if (!pulls.isEmpty()) {
                await(pulls, urls, puller, results, notices);
            }
        }
        BatchSummary summary = results.summary(Duration.ofNanos(System.nanoTime() - startNanos));
        context.err().println(summary.describe());
        context.err().flush();
        return results.exitCode();
    }

    /** Submits the URLs and records them as jobs; a refused submission fails each of its URLs. */
    private Map<Integer, UrlUploadJob> submit(Map<Integer, UrlSource> urls, UrlPuller puller, UploadResults results) {
        Map<Integer, UrlUploadJob> pulls = new LinkedHashMap<>();
        try {
            List<UrlUploadJob> submitted = puller.submit(
                    backend.spaceName(),
                    urls.values().stream().map(UrlSource::request).toList());
            int n = 0;
            for (Map.Entry<Integer, UrlSource> url : urls.entrySet()) {
                UrlUploadJob job = submitted.get(n++);
                pulls.put(url.getKey(), job);
                jobLog.pullSubmitted(backend.spaceName(), job, url.getValue().text());
            }
        } catch (VodException e) {
            urls.forEach((i, url) -> results.put(i, UploadLine.Failed.of(e.getMessage(), url.text())));
        }
        return pulls;
    }

    /** Waits for the submitted pulls, records how each ended (or how far it got) and puts its line. */
    private void await(
            Map<Integer, UrlUploadJob> pulls,
            Map<Integer, UrlSource> urls,
            UrlPuller puller,
            UploadResults results,
            Consumer<String> notices) {
        PullReport report = new PullReport(backend, options.poll(), context.launcher(), options.serviceArguments());
        PullResult result = puller.await(
                backend.spaceName(),
                pulls.values().stream().map(UrlUploadJob::jobId).toList(),
                PullReport.stateChanges(notices, context.progress()));
        int n = 0;
        for (Integer position : pulls.keySet()) {
            PullJobStatus status = result.jobs().get(n++);
            jobLog.pullObserved(backend.spaceName(), status);
            results.put(position, report.line(status, urls.get(position).text(), result));
        }
    }

    /**
     * The local files through the client's uploader, each with a progress bar; each file's line is put as soon as
     * the file is done.
     */
    private void uploadFiles(
            List<Source> sources, ProgressDisplay progress, Consumer<String> notices, UploadResults results) {
        Map<UploadRequest, Integer> positions = new IdentityHashMap<>();
        List<UploadRequest> requests = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) instanceof FileSource file) {
                positions.put(file.request(), i);
                requests.add(file.request());
            }
        }
        if (requests.isEmpty()) {
            return;
        }
        MediaPresence presence = backend.local()
                ? MediaPresence.askGetPlayInfo(backend.client().media())
                : MediaPresence.TRUST_LEDGER; // the cloud's ledger entries are trusted (see MediaPresence)
        LedgerUploads uploaded = new LedgerUploads(
                ledger.uploads(),
                backend.ledgerEndpoint(),
                options.force(),
                presence,
                ReportedMd5s.askGetMediaInfos(backend.client().media()),
                Clock.systemUTC(),
                notices);
        UploadCheckpoints checkpoints = options.checkpoints() == null
                ? UploadCheckpoints.disabled()
                : UploadCheckpoints.in(options.checkpoints(), notices);
        backend.client()
                .uploads()
                .withConfig(options.tuning())
                .withCheckpoints(checkpoints)
                .uploadAll(
                        requests,
                        options.jobs(),
                        uploaded,
                        request -> reported(
                                request,
                                progress.started(request.file(), request.media().size())),
                        outcome -> {
                            long size = outcome.request().media().size();
                            boolean sent = outcome.succeeded() && !outcome.skipped();
                            progress.finished(outcome.request().file(), size, sent);
                            results.put(
                                    positions.get(outcome.request()),
                                    line(outcome),
                                    outcome.skipped(),
                                    sent ? size : 0);
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

    private static UploadLine line(UploadOutcome outcome) {
        String file = outcome.request().file().toString();
        return outcome.succeeded()
                ? UploadOutput.of(outcome.result(), file, outcome.skipped())
                : UploadLine.Failed.of(outcome.failure().getMessage(), file);
    }
}
