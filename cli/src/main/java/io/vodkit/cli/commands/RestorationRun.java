package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.compare.CompareJob;
import io.vodkit.cli.compare.CompareSources;
import io.vodkit.cli.compare.MediaCache;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.RestorationParams;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.enhance.EnhanceParams;
import io.vodkit.client.enhance.InvalidEnhanceParamsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code vodkit enhance}: submits the restoration through the client, records it in the ledger, follows it to its
 * line ({@link ExecutionFollower}) and, when asked, downloads the result or compares it with the source.
 *
 * @param download where to download the restored video ({@code --download}), or {@code null}
 * @param force    whether the download may overwrite
 * @param picture  where to draw the comparison ({@code --compare}, checked), or {@code null} for none
 */
record RestorationRun(
        CliContext context,
        Settings settings,
        ServiceOptions service,
        PollOptions poll,
        String download,
        boolean force,
        Path picture) {

    /** Runs {@code request} in {@code space} (or the configured one); returns the exit code. */
    int run(EnhanceParams request, String space) {
        CompareJob compareJob = picture == null ? null : new CompareJob(CompareJob.tools(settings.ffmpeg()));
        try (Ledger ledger = Ledger.open(settings.home());
                Backend backend = Backend.open(settings, Optional.ofNullable(space), context)) {
            JobLog jobLog = JobLog.of(ledger, settings);
            ExecutionFollower follower = new ExecutionFollower(context, backend, settings, service, poll, jobLog);
            if (download != null) {
                follower.downloading(download, force);
            }
            String runId;
            try {
                runId = follower.enhancer().submit(request, backend.spaceName());
            } catch (InvalidEnhanceParamsException invalid) {
                throw RestorationParams.invalidParameters(invalid.getMessage(), invalid.parameters());
            }
            jobLog.restoreSubmitted(backend.spaceName(), runId, request.source());
            context.notice("restoration submitted, RunId " + runId);
            if (compareJob == null) {
                return follower.follow(runId);
            }
            return follower.follow(runId, (outputSpace, fileName) -> {
                Map<String, Object> comparison = new LinkedHashMap<>(
                        compare(compareJob, backend, request.source(), MediaSource.DIRECT_URL_PREFIX + fileName));
                CompareCommand.restoration(
                                ledger.jobs(),
                                backend.ledgerEndpoint(),
                                outputSpace,
                                MediaSource.DIRECT_URL_PREFIX + fileName)
                        .ifPresent(s -> comparison.put("restoration", s));
                return Map.of("Compare", comparison);
            });
        }
    }

    /** The comparison of the source with the restored file; a failure is reported inside it, the job succeeded. */
    private Map<String, Object> compare(CompareJob job, Backend backend, String before, String after) {
        context.notice("comparing " + before + " with " + after);
        try (CompareSources sources = CompareSources.borrowing(
                context.workingDir(), new MediaCache(settings.home(), settings.requestTimeout()), backend)) {
            return job.run(
                    sources.resolve("BEFORE", before),
                    sources.resolve("AFTER", after),
                    null,
                    picture,
                    CompareJob.DEFAULT_FRAMES);
        } catch (CliException e) {
            return Map.of("error", e.getMessage());
        }
    }
}
