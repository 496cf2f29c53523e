package io.vodkit.emulator.internal.pull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.db.UploadSession;
import io.vodkit.emulator.internal.db.UrlJob;
import io.vodkit.emulator.internal.db.UrlJobRepository;
import io.vodkit.emulator.internal.db.UrlJobState;
import io.vodkit.emulator.internal.service.CommitFunctions;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.MediaCommitter;
import io.vodkit.emulator.internal.service.SessionOpener;
import io.vodkit.emulator.internal.service.Spaces;
import io.vodkit.emulator.internal.service.Workflows;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UploadMediaByUrl and QueryUploadTaskInfo (spec §8): records jobs (each with its upload session, so the FileName is
 * fixed at submission), wakes the {@link PullWorkers}, and reads jobs back.
 *
 * <p>UploadMediaByUrl has no idempotency token, so the emulator's choice is: a URLSet with a FileName is the same
 * job as an earlier one of the same space with that FileName and SourceUrl unless that job failed; it answers the
 * earlier JobId and fetches nothing again. A client that names its FileNames may therefore resubmit after a lost
 * reply. Without a FileName every URLSet is a new job.
 */
public final class UrlPulls {
    /** Most URLSets per UploadMediaByUrl and most JobIds per QueryUploadTaskInfo. */
    public static final int MAX_BATCH = 20;

    private static final Logger LOG = LoggerFactory.getLogger(UrlPulls.class);

    /**
     * One URLSet.
     *
     * @param fileName      storage FileName, or null for a generated one
     * @param fileExtension {@code .mp4}-style suffix, or null to take it from the URL path
     * @param md5           expected MD5 of the source, or null
     * @param callbackArgs  pass-through, or null
     * @param options       the AddOptionInfo input (Title, Tags, …); empty for none
     * @param storageClass  1 standard, 2 archive, 3 IA, 0 the default
     * @param templateId    the workflow template to start once pulled, or null
     */
    public record Submission(
            String sourceUrl,
            String fileName,
            String fileExtension,
            String md5,
            String callbackArgs,
            ObjectNode options,
            long storageClass,
            String templateId) {}

    private final Database database;
    private final Spaces spaces;
    private final SessionOpener sessions;
    private final UrlJobRepository jobs;
    private final PullWorkers workers;
    private final Ids ids;
    private final Clock clock;
    private final Workflows workflows;

    public UrlPulls(
            Database database,
            Spaces spaces,
            SessionOpener sessions,
            UrlJobRepository jobs,
            PullWorkers workers,
            Ids ids,
            Clock clock,
            Workflows workflows) {
        this.database = database;
        this.spaces = spaces;
        this.sessions = sessions;
        this.jobs = jobs;
        this.workers = workers;
        this.ids = ids;
        this.clock = clock;
        this.workflows = workflows;
    }

    /**
     * Validates every URLSet, then records all new jobs in one transaction (all or none) as {@code initial}; a
     * resubmitted URLSet answers its earlier job.
     *
     * @throws io.vodkit.emulator.internal.api.ApiException INVALID_PARAMETER, SPACE_NOT_FOUND, FILE_NAME_IN_USE
     */
    public List<UrlJob> submit(String spaceName, List<Submission> submissions) {
        String space = spaces.requireKnown(spaceName);
        if (submissions.isEmpty() || submissions.size() > MAX_BATCH) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "URLSets", submissions.size() + " entries", "must hold 1 to " + MAX_BATCH + " entries");
        }
        List<String> extensions = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        for (Submission submission : submissions) {
            String extension = extension(submission);
            SessionOpener.validate(submission.fileName(), extension);
            MediaCommitter.checkCallbackArgs(submission.callbackArgs());
            extensions.add(extension);
            functions.add(functionsJson(submission.options(), submission.templateId()));
        }
        String requestId = ids.requestId();
        Instant now = clock.instant();
        List<UrlJob> created = new ArrayList<>();
        List<UrlJob> answered = database.transaction(c -> {
            List<UrlJob> out = new ArrayList<>();
            for (int i = 0; i < submissions.size(); i++) {
                Submission submission = submissions.get(i);
                Optional<UrlJob> earlier = submission.fileName() == null
                        ? Optional.empty()
                        : jobs.findUnfailed(space, submission.fileName(), submission.sourceUrl());
                if (earlier.isPresent()) {
                    out.add(earlier.get());
                    continue;
                }
                UploadSession session = sessions.open(space, submission.fileName(), extensions.get(i));
                sessions.storageClass(session.sessionKey(), submission.storageClass());
                UrlJob job = new UrlJob(
                        ids.jobId(),
                        requestId,
                        space,
                        submission.sourceUrl(),
                        session.sessionKey(),
                        orEmpty(submission.md5()),
                        functions.get(i),
                        orEmpty(submission.callbackArgs()),
                        UrlJobState.INITIAL,
                        0,
                        "",
                        "",
                        "{}",
                        "",
                        now,
                        now);
                jobs.insert(job);
                created.add(job);
                out.add(job);
            }
            return List.copyOf(out);
        });
        if (created.size() < answered.size()) {
            LOG.info("URL pull resubmitted space={} repeated={}", space, answered.size() - created.size());
        }
        workers.jobsAdded(created.size());
        return answered;
    }

    /** The job, if it exists. */
    public Optional<UrlJob> find(String jobId) {
        return jobs.find(jobId);
    }

    /**
     * The FileExtension to use: the given one, else the URL path's (as the skill derives it).
     *
     * @throws io.vodkit.emulator.internal.api.ApiException INVALID_PARAMETER for a non-http(s) URL or no extension anywhere
     */
    static String extension(Submission submission) {
        URI uri = httpUrl(submission.sourceUrl());
        if (submission.fileExtension() != null) {
            return submission.fileExtension();
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || dot == last.length() - 1) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "FileExtension",
                    "",
                    "not given and the URL path " + (path.isEmpty() ? "/" : path) + " has no file extension");
        }
        return last.substring(dot).toLowerCase(Locale.ROOT);
    }

    private static URI httpUrl(String sourceUrl) {
        try {
            URI uri = new URI(sourceUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw ApiError.INVALID_PARAMETER.exception("SourceUrl", sourceUrl, "must be an http or https URL");
    }

    /**
     * GetMeta, a Snapshot at 0 s and, when given, AddOptionInfo and StartWorkflow: validated now (an unknown
     * template refuses the submission), run at commit.
     */
    private String functionsJson(ObjectNode options, String templateId) {
        ArrayNode functions = JsonNodeFactory.instance.arrayNode();
        functions.addObject().put("Name", "GetMeta");
        functions.addObject().put("Name", "Snapshot").putObject("Input").put("SnapshotTime", 0);
        if (!options.isEmpty()) {
            functions.addObject().put("Name", "AddOptionInfo").set("Input", options);
        }
        if (templateId != null) {
            functions
                    .addObject()
                    .put("Name", "StartWorkflow")
                    .putObject("Input")
                    .put("TemplateId", templateId);
        }
        workflows.requireKnown(CommitFunctions.parse(functions).templateIds());
        return Json.text(functions);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
