package io.vodkit.emulator.internal;

import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.internal.console.ConsoleEndpoint;
import io.vodkit.emulator.internal.console.ConsoleStore;
import io.vodkit.emulator.internal.console.ConsoleToken;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.faults.FaultInjector;
import io.vodkit.emulator.internal.link.LinkShaper;
import io.vodkit.emulator.internal.pull.SourceGuard;
import io.vodkit.emulator.internal.routing.ActionRouter;
import io.vodkit.emulator.internal.routing.ApplyUploadInfoHandler;
import io.vodkit.emulator.internal.routing.CallbackActions;
import io.vodkit.emulator.internal.routing.CommitUploadInfoHandler;
import io.vodkit.emulator.internal.routing.CreateSpaceHandler;
import io.vodkit.emulator.internal.routing.DescribeDomainConfigHandler;
import io.vodkit.emulator.internal.routing.DownloadEndpoint;
import io.vodkit.emulator.internal.routing.GatewayEndpoint;
import io.vodkit.emulator.internal.routing.GetExecutionHandler;
import io.vodkit.emulator.internal.routing.GetPlayInfoHandler;
import io.vodkit.emulator.internal.routing.GetStorageConfigHandler;
import io.vodkit.emulator.internal.routing.HttpServer;
import io.vodkit.emulator.internal.routing.ListDomainHandler;
import io.vodkit.emulator.internal.routing.MediaActions;
import io.vodkit.emulator.internal.routing.OpenApiEndpoint;
import io.vodkit.emulator.internal.routing.QueryUploadTaskInfoHandler;
import io.vodkit.emulator.internal.routing.RequestFilter;
import io.vodkit.emulator.internal.routing.StartExecutionHandler;
import io.vodkit.emulator.internal.routing.StatsEndpoint;
import io.vodkit.emulator.internal.routing.UpdateMediaPublishStatusHandler;
import io.vodkit.emulator.internal.routing.UploadMediaByUrlHandler;
import io.vodkit.emulator.internal.service.DirectUploads;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.MediaCommitter;
import io.vodkit.emulator.internal.service.MediaLibrary;
import io.vodkit.emulator.internal.service.PlayDomain;
import io.vodkit.emulator.internal.service.PublicAddress;
import io.vodkit.emulator.internal.service.ServerStats;
import io.vodkit.emulator.internal.service.UploadSessions;
import io.vodkit.emulator.media.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * An emulator's parts, each made by its own factory ({@link Store}, {@link Access}, {@link Restorations},
 * {@link Pulls}), and the action table that puts them behind the HTTP endpoints. What it starts is added to the
 * {@link Handles} it is given, to be closed with them.
 */
public final class Service {
    /** Where the console keeps each restoration's measures once taken. */
    static final String CONSOLE_MEASURES_DIR = "console-measures";

    private static final List<String> UPLOAD_VERSIONS = List.of("2023-01-01", "2022-01-01");
    private static final List<String> EXECUTION_VERSIONS = List.of("2025-07-01", "2025-01-01");
    private static final List<String> MEDIA_VERSIONS = List.of("2023-01-01", "2020-08-01");
    private static final List<String> URL_PULL_VERSIONS = List.of("2023-01-01", "2020-08-01");
    private static final List<String> SPACE_VERSIONS = List.of("2021-01-01", "2023-07-01");

    private final EmulatorConfig config;
    private final Clock clock;
    private final Path dataDir;
    private final Ids ids;
    private final Store store;
    private final Access access;
    private final Notifications notifications;
    private final Restorations restorations;
    private final MediaCommitter committer;
    private final Pulls pulls;
    private final MediaLibrary mediaLibrary;
    private final ConsoleStore consoleStore;
    private final ServerStats stats = new ServerStats();
    private final FaultInjector faults;
    private final ConsoleToken consoleToken = ConsoleToken.random(new SecureRandom());

    private Service(EmulatorConfig config, Clock clock, Path dataDir, Database database) throws IOException {
        this.config = config;
        this.clock = clock;
        this.dataDir = dataDir;
        this.ids = new Ids(new SecureRandom(), clock);
        this.faults = new FaultInjector(config.lab().faults());
        this.store = Store.open(database, dataDir, config.storage(), ids, clock);
        this.access = Access.open(config.account(), store.settings(), ids, clock);
        SourceGuard guard = new SourceGuard(
                config.network().host(),
                config.urlPull().allowPrivateSources(),
                config.urlPull().resolver());
        this.notifications = Notifications.open(guard, database, ids, clock);
        this.restorations =
                Restorations.open(config.restoration(), database, store, notifications.events(), ids, clock);
        this.committer = new MediaCommitter(
                store.spaces(),
                store.sessions(),
                store.objects(),
                store.media(),
                store.publisher(),
                restorations.outputs(),
                ids,
                clock,
                restorations.workflows(),
                notifications.events());
        this.pulls = Pulls.open(
                config.urlPull(),
                guard,
                database,
                store,
                committer,
                restorations.workflows(),
                notifications.events(),
                ids,
                clock);
        this.mediaLibrary = new MediaLibrary(
                store.media(),
                store.objects(),
                restorations.outputs(),
                store.md5s(),
                restorations.repository(),
                restorations.workflowRepository(),
                store.sessions(),
                notifications.events());
        this.consoleStore = new ConsoleStore(database);
    }

    /**
     * Wires the parts over {@code database} and removes what a previous run left half-done; nothing runs yet.
     *
     * @param dataDir the data folder, already private and owned
     */
    public static Service open(EmulatorConfig config, Clock clock, Path dataDir, Database database) throws IOException {
        Service service = new Service(config, clock, dataDir, database);
        service.store.prepare(config.account().spaces());
        service.restorations.prepare(clock);
        return service;
    }

    /**
     * Starts the background work (callback delivery, restorations, URL pulls, the upload sweeper), each stopped with
     * {@code handles}; callback delivery stops last, after the work that sends callbacks.
     */
    public void start(Handles handles) {
        handles.add(notifications.delivery());
        handles.add(restorations.workflowRuns());
        handles.add(pulls.startWorkers());
        handles.add(restorations.startWorkers());
        handles.add(store.startSweeps());
    }

    public Store store() {
        return store;
    }

    public Access access() {
        return access;
    }

    public Restorations restorations() {
        return restorations;
    }

    public Pulls pulls() {
        return pulls;
    }

    public ServerStats stats() {
        return stats;
    }

    /** The network lab, the one place it is wired: fault injection, then link shaping, on each service request. */
    public List<RequestFilter> network() {
        return List.of(
                faults, LinkShaper.of(config.lab().linkLatency(), config.lab().linkRateBytesPerSecond()));
    }

    public ConsoleToken consoleToken() {
        return consoleToken;
    }

    /**
     * GetMediaInfos … DeleteMediaTosFile (media-management.md A1: 2023-07-01 for DeleteMediaTosFile), and the callback
     * settings (A15.1).
     */
    private void registerMediaActions(ActionRouter router) {
        MediaActions actions = new MediaActions(mediaLibrary, store.spaces(), clock);
        router.register("GetMediaInfos", List.of("2023-01-01", "2022-12-01", "2023-07-01"), actions.getMediaInfos())
                .register("GetMediaList", List.of("2023-01-01", "2022-12-01"), actions.getMediaList())
                .register("UpdateMediaInfo", MEDIA_VERSIONS, actions.updateMediaInfo())
                .register(
                        "UpdateMediaStorageClass",
                        List.of("2023-01-01", "2022-12-01"),
                        actions.updateMediaStorageClass())
                .register("DeleteMedia", MEDIA_VERSIONS, actions.deleteMedia())
                .register("DeleteMediaTosFile", List.of("2023-07-01", "2022-12-01"), actions.deleteMediaTosFile());
        CallbackActions callbacks = new CallbackActions(notifications.callbacks(), store.spaces());
        router.register("AddCallbackSubscription", List.of("2023-01-01"), callbacks.addCallbackSubscription())
                .register("SetCallbackEvent", List.of("2023-01-01"), callbacks.setCallbackEvent());
    }

    /** The HTTP endpoints, for a listener reachable at {@code address}. */
    public HttpServer.Endpoints endpoints(PublicAddress address) {
        pulls.guard().servedAt(address);
        UploadSessions uploadSessions = new UploadSessions(
                store.spaces(),
                store.sessions(),
                store.sessionOpener(),
                access.tokens(),
                clock,
                config.network().uploadHosts(),
                address);
        PlayDomain playDomain = new PlayDomain(store.settings(), address, ids, clock);
        var executions = restorations.executions();
        var urlPulls = pulls.urlPulls();
        var spaces = store.spaces();
        ActionRouter router = new ActionRouter()
                .register("ApplyUploadInfo", UPLOAD_VERSIONS, new ApplyUploadInfoHandler(uploadSessions))
                .register("CommitUploadInfo", UPLOAD_VERSIONS, new CommitUploadInfoHandler(committer))
                .register("UploadMediaByUrl", URL_PULL_VERSIONS, new UploadMediaByUrlHandler(urlPulls))
                .register("QueryUploadTaskInfo", URL_PULL_VERSIONS, new QueryUploadTaskInfoHandler(urlPulls))
                .register("CreateSpace", SPACE_VERSIONS, new CreateSpaceHandler(spaces))
                .register("ListDomain", List.of("2023-01-01"), new ListDomainHandler(spaces, playDomain))
                .register(
                        "DescribeDomainConfig",
                        List.of("2023-01-01", "2023-07-01"),
                        new DescribeDomainConfigHandler(spaces, playDomain))
                .register(
                        "GetStorageConfig",
                        List.of("2023-01-01", "2023-07-01"),
                        new GetStorageConfigHandler(spaces, playDomain))
                .register("StartExecution", EXECUTION_VERSIONS, new StartExecutionHandler(executions))
                .register("GetExecution", EXECUTION_VERSIONS, new GetExecutionHandler(executions))
                .register(
                        "GetPlayInfo",
                        MEDIA_VERSIONS,
                        new GetPlayInfoHandler(store.media(), store.md5s(), playDomain, ids, clock))
                .register(
                        "UpdateMediaPublishStatus", MEDIA_VERSIONS, new UpdateMediaPublishStatusHandler(store.media()));
        registerMediaActions(router);
        return new HttpServer.Endpoints(
                new OpenApiEndpoint(
                        access.verifier(), router, ids, stats, config.account().region()),
                new GatewayEndpoint(
                        access.tokens(),
                        ids,
                        stats,
                        new DirectUploads(store.objectStore(), store.publisher(), ids),
                        store.multipartUploads(),
                        store.publisher()),
                new DownloadEndpoint(store.objects(), store.objectStore(), playDomain, clock),
                new StatsEndpoint(
                        stats,
                        store.multipartUploads(),
                        store.media(),
                        faults::injected,
                        notifications.callbacks().delivery()::counts),
                new ConsoleEndpoint(
                        consoleToken,
                        consoleStore,
                        mediaLibrary,
                        spaces,
                        uploadSessions,
                        committer,
                        urlPulls,
                        executions,
                        playDomain,
                        ids,
                        clock,
                        restorations.tools(),
                        new ProcessRunner(Restorations.MEDIA_PROCESS_TIMEOUT),
                        name -> store.objects()
                                .findByFileName(name)
                                .map(o -> store.objectStore().path(o.objectId())),
                        dataDir.resolve(CONSOLE_MEASURES_DIR)));
    }
}
