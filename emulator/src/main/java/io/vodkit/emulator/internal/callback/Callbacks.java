package io.vodkit.emulator.internal.callback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.CallbackRepository;
import io.vodkit.emulator.internal.db.CallbackSubscription;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spaces' callback settings (AddCallbackSubscription, SetCallbackEvent) and the sending of events to them.
 *
 * <p>Choices where the service's documents are silent: one URL a space (a second AddCallbackSubscription replaces
 * the first); SetCallbackEvent replaces the events and the key chosen before and may come before or after the URL;
 * <b>a space with a URL but no SetCallbackEvent yet gets no callbacks</b> (the service's console, too, has the
 * events chosen beside the URL); the log says so each time it skips a callback for that reason.
 */
public final class Callbacks {
    private static final Logger LOG = LoggerFactory.getLogger(Callbacks.class);
    /** AddCallbackSubscription's ContentType values, the default first (reference-addcallbacksubscription). */
    private static final List<String> CONTENT_TYPES = List.of("application/octet-stream", "application/json");
    /** PrivateKey: 8 to 20 letters and digits (reference-setcallbackevent). */
    private static final Pattern PRIVATE_KEY = Pattern.compile("[A-Za-z0-9]{8,20}");

    private final CallbackRepository subscriptions;
    private final UrlCheck check;
    private final CallbackDelivery delivery;
    private final Supplier<String> requestIds;
    private final Clock clock;

    /**
     * @param check    refuses URLs a callback must not reach, when subscribed
     * @param delivery sends the callbacks (and vets the addresses it connects to)
     */
    public Callbacks(
            CallbackRepository subscriptions,
            UrlCheck check,
            CallbackDelivery delivery,
            Supplier<String> requestIds,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.check = check;
        this.delivery = delivery;
        this.requestIds = requestIds;
        this.clock = clock;
    }

    /** What sends the callbacks; closing it drops those not yet sent. */
    public CallbackDelivery delivery() {
        return delivery;
    }

    /**
     * AddCallbackSubscription: {@code url} must be an http(s) URL the emulator may reach; {@code contentType} empty
     * means {@code application/octet-stream}.
     */
    public void subscribe(String space, String url, Optional<String> contentType) {
        String type = contentType.map(t -> t.strip().toLowerCase(Locale.ROOT)).orElse(CONTENT_TYPES.get(0));
        if (!CONTENT_TYPES.contains(type)) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "ContentType", contentType.get(), "must be one of " + String.join(", ", CONTENT_TYPES));
        }
        URI uri = httpUrl(url.strip());
        check.refusal(uri).ifPresent(reason -> {
            throw ApiError.INVALID_PARAMETER.exception("Url", url, reason);
        });
        subscriptions.subscribe(space, uri.toString(), type, clock.instant());
        LOG.info("Callback URL set space={} contentType={}", space, type);
    }

    private static URI httpUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiError.INVALID_PARAMETER.exception("Url", url, "not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!Set.of("http", "https").contains(scheme) || uri.getHost() == null) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "Url", url, "must begin with http:// or https:// and name a host");
        }
        return uri;
    }

    /**
     * SetCallbackEvent: {@code events} (at least one, names of {@link EventType}), {@code authEnabled} {@code 0}
     * (also when empty, as the Java SDK sends it unset) or {@code 1}, which needs {@code privateKey}. The key never
     * appears in an error.
     */
    public void chooseEvents(String space, List<String> events, Optional<String> authEnabled, Optional<String> key) {
        List<String> chosen = new ArrayList<>();
        for (String name : events) {
            EventType event = EventType.named(name)
                    .orElseThrow(() -> ApiError.INVALID_PARAMETER.exception(
                            "Events", name, "not an event; one of " + String.join(", ", EventType.acceptedNames())));
            if (!chosen.contains(event.eventType())) {
                chosen.add(event.eventType());
            }
        }
        String auth = authEnabled.map(String::strip).orElse("0");
        if (!auth.equals("0") && !auth.equals("1")) {
            throw ApiError.INVALID_PARAMETER.exception("AuthEnabled", auth, "must be 0 (disabled) or 1 (enabled)");
        }
        if (auth.equals("1") && key.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("PrivateKey");
        }
        if (key.isPresent() && !PRIVATE_KEY.matcher(key.get()).matches()) {
            throw ApiError.INVALID_PARAMETER.exception(
                    "PrivateKey",
                    "(not shown, " + key.get().length() + " characters)",
                    "must be 8 to 20 letters and digits");
        }
        subscriptions.chooseEvents(
                space, chosen, auth.equals("1"), key.orElse(""), CONTENT_TYPES.get(0), clock.instant());
        LOG.info("Callback events set space={} events={} authEnabled={}", space, chosen, auth);
    }

    /**
     * Queues {@code event} for the space's URL when the space chose it; {@code data} is made only then. Never
     * throws: a callback that cannot be queued is logged, and the action that caused it goes on.
     */
    void publish(String space, EventType event, Supplier<ObjectNode> data) {
        try {
            Optional<CallbackSubscription> found = subscriptions.find(space);
            if (found.isEmpty() || found.get().url().isEmpty()) {
                return;
            }
            CallbackSubscription subscription = found.get();
            if (subscription.events().isEmpty()) {
                LOG.info(
                        "Callback not sent event={} space={}: no events chosen yet (SetCallbackEvent)",
                        event.eventType(),
                        space);
                return;
            }
            if (!subscription.events().get().contains(event.eventType())) {
                return;
            }
            String requestId = requestIds.get();
            byte[] body = Json.bytes(new Envelope(
                    requestId,
                    Envelope.VERSION,
                    event.eventType(),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                    data.get()));
            delivery.submit(new Delivery(
                    subscription.url(),
                    subscription.contentType(),
                    body,
                    subscription.authEnabled() ? Optional.of(subscription.privateKey()) : Optional.empty(),
                    event.eventType(),
                    requestId));
        } catch (RuntimeException e) {
            LOG.warn("Callback not sent event={} space={}: {}", event.eventType(), space, e.toString());
        }
    }
}
