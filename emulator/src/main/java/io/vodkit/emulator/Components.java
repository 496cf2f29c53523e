package io.vodkit.emulator;

import io.vodkit.emulator.console.ConsoleEndpoint;
import io.vodkit.emulator.console.ConsoleStore;
import io.vodkit.emulator.console.ConsoleToken;
import io.vodkit.emulator.db.Database;
import io.vodkit.emulator.db.ExecutionRepository;
import io.vodkit.emulator.db.MediaRepository;
import io.vodkit.emulator.db.MultipartPartRepository;
import io.vodkit.emulator.db.MultipartUploadRepository;
import io.vodkit.emulator.db.ObjectRepository;
import io.vodkit.emulator.db.SettingsRepository;
import io.vodkit.emulator.db.SpaceRepository;
import io.vodkit.emulator.db.UploadSessionRepository;
import io.vodkit.emulator.db.UrlJobRepository;
import io.vodkit.emulator.db.WorkflowRepository;
import io.vodkit.emulator.faults.FaultInjector;
import io.vodkit.emulator.jobs.EnhanceTask;
import io.vodkit.emulator.jobs.ExecutionService;
import io.vodkit.emulator.jobs.ExecutionWorkers;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.ProcessRunner;
import io.vodkit.emulator.restore.RestorationEngine;
import io.vodkit.emulator.restore.Restorer;
import io.vodkit.emulator.pull.PullIngest;
import io.vodkit.emulator.pull.PullWorkers;
import io.vodkit.emulator.pull.SourceFetcher;
import io.vodkit.emulator.pull.SourceGuard;
import io.vodkit.emulator.pull.UrlPulls;
import io.vodkit.emulator.routing.ActionRouter;
import io.vodkit.emulator.routing.ApplyUploadInfoHandler;
import io.vodkit.emulator.routing.CommitUploadInfoHandler;
import io.vodkit.emulator.routing.CreateSpaceHandler;
import io.vodkit.emulator.routing.DescribeDomainConfigHandler;
import io.vodkit.emulator.routing.DownloadEndpoint;
import io.vodkit.emulator.routing.GatewayEndpoint;
import io.vodkit.emulator.routing.GetExecutionHandler;
import io.vodkit.emulator.routing.GetPlayInfoHandler;
import io.vodkit.emulator.routing.GetStorageConfigHandler;
import io.vodkit.emulator.routing.HttpServer;
import io.vodkit.emulator.routing.LinkShaper;
import io.vodkit.emulator.routing.ListDomainHandler;
import io.vodkit.emulator.routing.MediaActions;
import io.vodkit.emulator.routing.OpenApiEndpoint;
import io.vodkit.emulator.routing.QueryUploadTaskInfoHandler;
import io.vodkit.emulator.routing.StartExecutionHandler;
import io.vodkit.emulator.routing.StatsEndpoint;
import io.vodkit.emulator.routing.UpdateMediaPublishStatusHandler;
import io.vodkit.emulator.routing.UploadMediaByUrlHandler;
import io.vodkit.emulator.security.CredentialStore;
import io.vodkit.emulator.security.SignatureVerifier;
import io.vodkit.emulator.security.UploadTokens;
import io.vodkit.emulator.service.DirectUploads;
import io.vodkit.emulator.service.Ids;
import io.vodkit.emulator.service.MediaCommitter;
import io.vodkit.emulator.service.MediaInspector;
import io.vodkit.emulator.service.MediaLibrary;
import io.vodkit.emulator.service.MultipartUploads;
import io.vodkit.emulator.service.ObjectPublisher;
import io.vodkit.emulator.service.PlayDomain;
import io.vodkit.emulator.service.PublicAddress;
import io.vodkit.emulator.service.ServerStats;
import io.vodkit.emulator.service.SessionOpener;
import io.vodkit.emulator.service.Spaces;
import io.vodkit.emulator.service.UploadSessions;
import io.vodkit.emulator.service.UploadSweeper;
import io.vodkit.emulator.service.Workflows;
import io.vodkit.emulator.storage.ObjectStore;
import io.vodkit.emulator.storage.PartStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything an emulator is made of, wired from its configuration, data directory and database. */
final class Components {
    private static final Logger LOG = LoggerFactory.getLogger(Components.class);
    static final String OBJECTS_DIR = "objects";
    static final String MULTIPART_DIR = "multipart";
    static final String WORK_DIR = "work";
    /** Where the console keeps each restoration's measures once taken. */
    static final String CONSOLE_MEASURES_DIR = "console-measures";
    private static final Duration MEDIA_PROCESS_TIMEOUT = Duration.ofSeconds(120);
    /** The longest one ffmpeg run of a restoration may take. */
    private static final Duration RESTORE_PROCESS_TIMEOUT = Duration.ofHours(2);
    private static final List<String> UPLOAD_VERSIONS = List.of("2023-01-01", "2022-01-01");
    private static final List<String> EXECUTION_VERSIONS = List.of("2025-07-01", "2025-01-01");
    private static final List<String> MEDIA_VERSIONS = List.of("2023-01-01", "2020-08-01");
    private static final List<String> URL_PULL_VERSIONS = List.of("2023-01-01", "2020-08-01");
    private static final List<String> SPACE_VERSIONS = List.of("2021-01-01", "2023-07-01");
    /** Restoration workers: ffmpeg already uses every core, so jobs run one at a time. */
    private static final int ENHANCE_WORKERS = 1;
    /** Starts after which an interrupted job fails instead of being re-queued. */
    private static final int MAX_ENHANCE_ATTEMPTS = 3;

    final EmulatorConfig config;
    final Clock clock;
    final Path dataDir;
    final Ids ids;
    final SettingsRepository settings;
    final ObjectRepository objects;
    final UploadSessionRepository sessions;
    final MediaRepository media;
    final Spaces spaces;
    final ObjectStore objectStore;
    final ObjectPublisher publisher;
    final MultipartUploads multipartUploads;
    final UploadTokens tokens;
    final SignatureVerifier verifier;
    final MediaInspector inspector;
    final Optional<FfmpegTools> tools;
    final ExecutionRepository executionRepository;
    final ExecutionWorkers enhanceWorkers;
    final ExecutionService executions;
    final SessionOpener sessionOpener;
    final MediaCommitter committer;
    final SourceGuard sourceGuard;
    final ExecutorService pullHttpPool;
    final UrlJobRepository urlJobs;
    final PullWorkers pullWorkers;
    final UrlPulls urlPulls;
    final WorkflowRepository workflowRepository;
    final Workflows workflows;
    final ServerStats stats = new ServerStats();
    final FaultInjector faults;
    final UploadSweeper sweeper;
    private final ScheduledExecutorService sweeps = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vodkit-upload-sweeper");
        thread.setDaemon(true);
        return thread;
    });
    final String accessKey;
    final String secretKey;
    final ConsoleToken consoleToken;
    final ConsoleStore consoleStore;
    final MediaLibrary mediaLibrary;

    Components(EmulatorConfig config, Clock clock, Path dataDir, Database database) throws IOException {
        this.config = config;
        this.faults = new FaultInjector(config.faults(), StatsEndpoint.PATH);
        this.clock = clock;
        this.dataDir = dataDir;
        this.ids = new Ids(new SecureRandom(), clock);
        this.settings = new SettingsRepository(database);
        this.objects = new ObjectRepository(database);
        this.sessions = new UploadSessionRepository(database);
        this.media = new MediaRepository(database);
        this.spaces = new Spaces(new SpaceRepository(database), clock);
        this.objectStore = new ObjectStore(dataDir.resolve(OBJECTS_DIR), config.disk());
        this.publisher = new ObjectPublisher(objects, objectStore, clock, sessions);
        MultipartUploadRepository uploads = new MultipartUploadRepository(database);
        this.multipartUploads = new MultipartUploads(uploads, new MultipartPartRepository(database),
                new PartStore(dataDir.resolve(MULTIPART_DIR), config.disk()), objects, objectStore, publisher, ids,
                clock);
        this.tokens = new UploadTokens(
                Base64.getUrlDecoder().decode(settings.findOrCreate("upload.token-secret", ids::hmacSecret)), clock);
        // generated keys are kept, so clients (and uploads in flight) go on working across restarts
        this.accessKey = config.accessKey() == null ? settings.findOrCreate("credentials.access-key", ids::accessKey)
                : config.accessKey();
        this.secretKey = config.secretKey() == null ? settings.findOrCreate("credentials.secret-key", ids::secretKey)
                : config.secretKey();
        Set<String> regions = Stream.of("ap-singapore-1", "ap-southeast-1", config.region())
                .collect(Collectors.toSet());
        this.verifier = new SignatureVerifier(new CredentialStore(Map.of(accessKey, secretKey)), regions,
                config.maxClockSkew(), clock);
        this.tools = FfmpegTools.locate(config.ffmpeg());
        this.inspector = new MediaInspector(tools, MEDIA_PROCESS_TIMEOUT);
        this.executionRepository = new ExecutionRepository(database);
        Optional<RestorationEngine> restorer = tools.map(t -> new Restorer(t, new ProcessRunner(RESTORE_PROCESS_TIMEOUT)));
        this.enhanceWorkers = new ExecutionWorkers(executionRepository, new EnhanceTask(executionRepository,
                objects, objectStore, publisher, inspector, restorer, ids, clock, dataDir.resolve(WORK_DIR)),
                clock, ENHANCE_WORKERS);
        this.executions = new ExecutionService(executionRepository, media, objects, objectStore, spaces, inspector,
                enhanceWorkers, ids, clock, config.allowPro());
        this.sessionOpener = new SessionOpener(sessions, objects, ids, clock);
        this.workflowRepository = new WorkflowRepository(database);
        this.workflows = new Workflows(workflowRepository, objectStore, publisher, inspector, tools,
                new ProcessRunner(RESTORE_PROCESS_TIMEOUT), ids, dataDir.resolve(WORK_DIR));
        this.committer = new MediaCommitter(spaces, sessions, objects, media, objectStore, publisher,
                inspector, ids, clock, dataDir.resolve(WORK_DIR), workflows);
        this.urlJobs = new UrlJobRepository(database);
        this.sourceGuard = new SourceGuard(config.host(), config.urlPull().allowPrivateSources());
        this.pullHttpPool = PullWorkers.workerPool(config.urlPull().workers(), "vodkit-pull-http");
        PullIngest ingest = new PullIngest(new SourceFetcher(config.urlPull(), sourceGuard, pullHttpPool), sessions,
                objects, objectStore, publisher, committer);
        this.pullWorkers = new PullWorkers(urlJobs, ingest, clock, config.urlPull(),
                PullWorkers.workerPool(config.urlPull().workers(), "vodkit-pull"));
        this.urlPulls = new UrlPulls(database, spaces, sessionOpener, urlJobs, pullWorkers, ids, clock, workflows);
        this.consoleToken = ConsoleToken.random(new SecureRandom());
        this.consoleStore = new ConsoleStore(database);
        this.mediaLibrary = new MediaLibrary(media, objects, objectStore, executionRepository, workflowRepository,
                sessions);
        this.sweeper = new UploadSweeper(sessions, objects, objectStore, multipartUploads, clock,
                config.uploadGracePeriod());
    }

    /** Sweeps uploads never committed now and then ({@link UploadSweeper#period()}), until {@link #stopSweeps}. */
    void startSweeps() {
        long millis = sweeper.period().toMillis();
        sweeps.scheduleWithFixedDelay(() -> {
            try {
                sweeper.sweep();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Sweeping uploads never committed failed: {}", e.toString());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops sweeping, waiting briefly for a sweep under way. */
    void stopSweeps() {
        sweeps.shutdownNow();
        try {
            if (!sweeps.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The upload sweeper did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the URL pull workers (their running jobs stay processing for the next start), their HTTP pool and the
     * workflow runs.
     */
    void stopPulls() {
        try {
            pullWorkers.close();
        } finally {
            try {
                pullHttpPool.shutdownNow();
            } finally {
                workflows.close();
            }
        }
    }

    /** Registers the configured spaces and removes what a previous run left half-done. */
    void prepare() throws IOException {
        spaces.register(config.spaces());
        sweeper.sweep();
        multipartUploads.sweepOrphans();
        objectStore.sweep(objects.objectIds());
        executionRepository.requeueInterrupted(MAX_ENHANCE_ATTEMPTS, EnhanceTask.CODE_INTERNAL, clock.instant());
        Path work = dataDir.resolve(WORK_DIR);
        if (Files.isDirectory(work)) {
            try (Stream<Path> leftovers = Files.list(work)) {
                for (Path file : leftovers.toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** GetMediaInfos … DeleteMediaTosFile (media-management.md A1: 2023-07-01 for DeleteMediaTosFile). */
    private void registerMediaActions(ActionRouter router) {
        MediaActions actions = new MediaActions(mediaLibrary, spaces, clock);
        router.register("GetMediaInfos", List.of("2023-01-01", "2022-12-01", "2023-07-01"), actions.getMediaInfos())
                .register("GetMediaList", List.of("2023-01-01", "2022-12-01"), actions.getMediaList())
                .register("UpdateMediaInfo", MEDIA_VERSIONS, actions.updateMediaInfo())
                .register("UpdateMediaStorageClass", List.of("2023-01-01", "2022-12-01"),
                        actions.updateMediaStorageClass())
                .register("DeleteMedia", MEDIA_VERSIONS, actions.deleteMedia())
                .register("DeleteMediaTosFile", List.of("2023-07-01", "2022-12-01"), actions.deleteMediaTosFile());
    }

    /** The HTTP endpoints, for a listener reachable at {@code address}. */
    HttpServer.Endpoints endpoints(PublicAddress address) {
        sourceGuard.servedAt(address);
        UploadSessions uploadSessions = new UploadSessions(spaces, sessions, sessionOpener, tokens, clock,
                config.uploadHosts(), address);
        PlayDomain playDomain = new PlayDomain(settings, address, ids, clock);
        ActionRouter router = new ActionRouter()
                .register("ApplyUploadInfo", UPLOAD_VERSIONS, new ApplyUploadInfoHandler(uploadSessions))
                .register("CommitUploadInfo", UPLOAD_VERSIONS, new CommitUploadInfoHandler(committer))
                .register("UploadMediaByUrl", URL_PULL_VERSIONS, new UploadMediaByUrlHandler(urlPulls))
                .register("QueryUploadTaskInfo", URL_PULL_VERSIONS, new QueryUploadTaskInfoHandler(urlPulls))
                .register("CreateSpace", SPACE_VERSIONS, new CreateSpaceHandler(spaces))
                .register("ListDomain", List.of("2023-01-01"), new ListDomainHandler(spaces, playDomain))
                .register("DescribeDomainConfig", List.of("2023-01-01", "2023-07-01"),
                        new DescribeDomainConfigHandler(spaces, playDomain))
                .register("GetStorageConfig", List.of("2023-01-01", "2023-07-01"),
                        new GetStorageConfigHandler(spaces, playDomain))
                .register("StartExecution", EXECUTION_VERSIONS, new StartExecutionHandler(executions))
                .register("GetExecution", EXECUTION_VERSIONS, new GetExecutionHandler(executions))
                .register("GetPlayInfo", MEDIA_VERSIONS, new GetPlayInfoHandler(media, playDomain, ids, clock))
                .register("UpdateMediaPublishStatus", MEDIA_VERSIONS, new UpdateMediaPublishStatusHandler(media));
        registerMediaActions(router);
        LinkShaper link = LinkShaper.of(config.linkLatency(), config.linkRateBytesPerSecond());
        return new HttpServer.Endpoints(
                new OpenApiEndpoint(verifier, router, ids, stats, link, config.region()),
                new GatewayEndpoint(tokens, ids, stats, link, new DirectUploads(objectStore, publisher, ids),
                        multipartUploads, publisher),
                new DownloadEndpoint(objects, objectStore, playDomain, clock),
                new StatsEndpoint(stats, multipartUploads, media, faults),
                new ConsoleEndpoint(consoleToken, consoleStore, mediaLibrary, spaces, uploadSessions, committer,
                        urlPulls, executions, playDomain, ids, clock, tools, new ProcessRunner(MEDIA_PROCESS_TIMEOUT),
                        name -> objects.findByFileName(name).map(o -> objectStore.path(o.objectId())),
                        dataDir.resolve(CONSOLE_MEASURES_DIR)), link);
    }
}
