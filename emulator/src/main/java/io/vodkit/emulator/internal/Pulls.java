package io.vodkit.emulator.internal;

import io.vodkit.emulator.UrlPullConfig;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.db.UrlJobRepository;
import io.vodkit.emulator.internal.pull.PullIngest;
import io.vodkit.emulator.internal.pull.PullWorkers;
import io.vodkit.emulator.internal.pull.SourceFetcher;
import io.vodkit.emulator.internal.pull.SourceGuard;
import io.vodkit.emulator.internal.pull.UrlPulls;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.MediaCommitter;
import io.vodkit.emulator.internal.service.Workflows;
import java.time.Clock;

/** URL pulls (UploadMediaByUrl): the jobs, the workers that fetch their sources, and the guard on those sources. */
public record Pulls(
        SourceGuard guard, UrlJobRepository jobs, PullWorkers workers, SourceFetcher fetcher, UrlPulls urlPulls) {

    /** @param guard decides which hosts a pull may connect to (and resolves them) */
    public static Pulls open(
            UrlPullConfig config,
            SourceGuard guard,
            Database database,
            Store store,
            MediaCommitter committer,
            Workflows workflows,
            CallbackEvents events,
            Ids ids,
            Clock clock) {
        UrlJobRepository jobs = new UrlJobRepository(database);
        SourceFetcher fetcher = new SourceFetcher(config, guard);
        PullIngest ingest = new PullIngest(
                fetcher, store.sessions(), store.objects(), store.objectStore(), store.publisher(), committer);
        PullWorkers workers = new PullWorkers(
                jobs, ingest, clock, config, PullWorkers.workerPool(config.workers(), "vodkit-pull"), events);
        UrlPulls urlPulls =
                new UrlPulls(database, store.spaces(), store.sessionOpener(), jobs, workers, ids, clock, workflows);
        return new Pulls(guard, jobs, workers, fetcher, urlPulls);
    }

    /**
     * Starts the workers until the handle is closed; then they stop (running jobs stay processing for the next
     * start) and their HTTP client is stopped.
     */
    public Handles.Handle startWorkers() {
        workers.start();
        return () -> {
            try {
                workers.close();
            } finally {
                fetcher.close();
            }
        };
    }
}
