package io.vodkit.emulator.internal;

import io.vodkit.emulator.internal.callback.CallbackDelivery;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.callback.Callbacks;
import io.vodkit.emulator.internal.db.CallbackRepository;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.pull.FetchFailure;
import io.vodkit.emulator.internal.pull.GuardedHttp;
import io.vodkit.emulator.internal.pull.SourceGuard;
import io.vodkit.emulator.internal.service.Ids;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * Callbacks: the spaces' subscriptions, the events sent to them, and what sends them. A callback URL obeys the rule
 * of URL-pull sources ({@link SourceGuard}): never link-local or cloud-metadata addresses or the emulator itself;
 * loopback and private ones only while the emulator serves on loopback or with {@code --allow-private-sources}. It
 * is checked when subscribed, and a callback connects only to the addresses the guard vetted when it is sent.
 */
public record Notifications(Callbacks callbacks, CallbackEvents events) {

    /** @param guard the URL pulls' guard: decides which hosts a callback may reach, and resolves them */
    public static Notifications open(SourceGuard guard, Database database, Ids ids, Clock clock) {
        CallbackDelivery delivery =
                new CallbackDelivery(new GuardedHttp(CallbackDelivery.HTTP, guard, Optional.empty()), clock);
        Callbacks callbacks = new Callbacks(
                new CallbackRepository(database), url -> refusal(guard, url), delivery, ids::requestId, clock);
        return new Notifications(callbacks, new CallbackEvents(callbacks));
    }

    private static Optional<String> refusal(SourceGuard guard, URI url) {
        try {
            guard.check(url);
            return Optional.empty();
        } catch (FetchFailure e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Sends callbacks until closed; then those not yet sent are dropped with a log line. */
    public Handles.Handle delivery() {
        return callbacks.delivery()::close;
    }
}
