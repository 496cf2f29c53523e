package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.config.ByteSize;
import io.vodkit.cli.config.PollOptions;
import io.vodkit.cli.config.ServiceOptions;
import io.vodkit.cli.config.Settings;
import io.vodkit.cli.config.UploadAllowlist;
import io.vodkit.cli.config.UploadMetadataOptions;
import io.vodkit.cli.config.UserValues;
import io.vodkit.cli.ledger.Ledger;
import io.vodkit.client.VodException;
import io.vodkit.client.limits.InvalidValueException;
import io.vodkit.client.limits.Limits;
import io.vodkit.client.pull.UrlPullRequest;
import io.vodkit.client.upload.UploadConfig;
import io.vodkit.client.upload.UploadRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = {
            "Upload local media files, or have the service pull http(s) URLs, into a VOD space; print one "
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
                    + "or those folders (links resolved); others are refused (exit 2)."
        },
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
            "  run its command to keep waiting for the same job (nothing is re-submitted)."
        })
public final class UploadCommand implements Callable<Integer> {
    /** The flag of each request value a {@link Limits} refusal names. */
    private static final Map<String, String> FLAGS = Map.of(
            "fileName", "--file-name", "partSize", "--part-size", "concurrency", "--concurrency", "jobs", "--jobs");

    private final CliContext context;

    @Parameters(
            arity = "1..*",
            paramLabel = "SOURCE",
            description = "Media file, folder, http(s) URL or @FILE; then SPACE.")
    List<String> positionals;

    @Option(
            names = {"-r", "--recursive"},
            description = "Also upload the media files in the subfolders of a folder.")
    boolean recursive;

    @Option(
            names = "--force",
            description = "Upload files again even when the ledger shows they are already in this space.")
    boolean force;

    @Option(
            names = "--concurrency",
            paramLabel = "N",
            description = "Parts in flight at once per file (default: one per part, at most 8).")
    Integer concurrency;

    @Option(
            names = "--part-size",
            paramLabel = "SIZE",
            description = "Part size, at least 20MiB, e.g. 64MiB, 1GiB or bytes (default: 20MiB).")
    String partSize;

    @Option(
            names = "--jobs",
            paramLabel = "N",
            defaultValue = "2",
            description = "Local files uploaded at once when several are given (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(
            names = "--no-resume",
            description = "Start large uploads fresh instead of resuming an interrupted upload of the same file.")
    boolean noResume;

    @Option(names = "--file-name", paramLabel = "NAME", description = "Storage FileName to use (one source only).")
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

    @Override
    public Integer call() {
        long startNanos = System.nanoTime();
        UserValues.check("--jobs", null, () -> Limits.JOBS.check((long) jobs));
        UploadConfig tuning = tuning();
        UploadSources parsed = UploadSources.parse(positionals, context, recursive, context::notice);
        Settings settings = Settings.resolve(poll.asSettings(service), context.env(), context.workingDir());
        String space = Backend.spaceName(settings, parsed.space());
        List<UploadRun.Source> sources = check(parsed.sources(), space);
        try (Ledger ledger = Ledger.open(settings.home());
                Backend backend = Backend.open(settings, Optional.of(space), context)) {
            UploadRun.Options options = new UploadRun.Options(
                    tuning,
                    jobs,
                    force,
                    noResume ? null : settings.home().resolve("checkpoints"),
                    settings.poll(),
                    poll.asArguments(service));
            return new UploadRun(context, backend, ledger, JobLog.of(ledger, settings), options)
                    .run(sources, startNanos);
        }
    }

    /** {@code --part-size} and {@code --concurrency} as the client's upload tuning; its refusal names the flag. */
    private UploadConfig tuning() {
        UploadConfig.Builder tuning = context.uploadTuning().toBuilder();
        if (partSize != null) {
            tuning.partSize(UserValues.check("--part-size", partSize, () -> bytes(partSize)));
        }
        if (concurrency != null) {
            tuning.partsInFlight(concurrency);
        }
        try {
            return tuning.build();
        } catch (InvalidValueException refused) {
            throw UserValues.refused(refused, FLAGS, Map.of("partSize", String.valueOf(partSize)));
        }
    }

    /**
     * Every source checked before any request: files must be uploadable, URLs must name a file extension, and the
     * request of each must be within the service's {@link Limits} (a refusal names the flag). A file found in a
     * folder that cannot be uploaded fails alone; a file listed twice is uploaded once.
     */
    private List<UploadRun.Source> check(List<UploadSources.Item> items, String space) {
        if (fileName != null && items.size() > 1) {
            throw CliException.invalidInput(
                    "--file-name names one object; give exactly one SOURCE (got " + items.size() + ")");
        }
        List<UploadRun.Source> sources = new ArrayList<>();
        Set<Path> files = new HashSet<>();
        UploadAllowlist allowlist = UploadAllowlist.of(context.env(), context.workingDir(), context.toolCall());
        for (UploadSources.Item item : items) {
            String text = item.text();
            if (UrlPullRequest.isUrl(text)) {
                try {
                    sources.add(
                            new UploadRun.UrlSource(text, new UrlPullRequest(text, fileName, metadata.metadata(true))));
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
                sources.add(new UploadRun.FileSource(
                        file.toString(),
                        UploadRequest.of(file, space)
                                .withMetadata(metadata.metadata(false))
                                .withFileName(fileName)));
            } catch (VodException invalid) {
                if (!item.inFolder()) {
                    throw new CliException(ExitCodes.INVALID_INPUT, invalid.getMessage(), Map.of(), invalid);
                }
                sources.add(new UploadRun.Unusable(file.toString(), invalid.getMessage()));
            } catch (InvalidValueException refused) {
                throw UserValues.refused(refused, FLAGS);
            }
        }
        if (sources.stream().anyMatch(source -> !(source instanceof UploadRun.UrlSource))) {
            metadata.metadata(false);
        }
        return sources;
    }

    /** {@code --part-size} as bytes; its range is the client's to check. */
    private static long bytes(String text) {
        try {
            return ByteSize.parse(text);
        } catch (IllegalArgumentException notASize) {
            throw new InvalidValueException(
                    Limits.PART_SIZE.name(),
                    Limits.PART_SIZE.accepted() + " (bytes, or a whole number with KiB, MiB or GiB)",
                    "not a size");
        }
    }
}
