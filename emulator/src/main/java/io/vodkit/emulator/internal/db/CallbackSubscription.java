package io.vodkit.emulator.internal.db;

import java.util.List;
import java.util.Optional;

/**
 * A space's callback settings: what AddCallbackSubscription and SetCallbackEvent stored. Its {@link #toString()}
 * never shows the private key.
 *
 * @param url         where callbacks go, {@code ""} until AddCallbackSubscription
 * @param contentType the {@code Content-Type} of each callback
 * @param events      the event names chosen, empty until SetCallbackEvent
 * @param privateKey  the signing key, {@code ""} when none
 */
public record CallbackSubscription(
        String spaceName,
        String url,
        String contentType,
        Optional<List<String>> events,
        boolean authEnabled,
        String privateKey) {

    @Override
    public String toString() {
        return "CallbackSubscription[spaceName=" + spaceName + ", url=" + url + ", contentType=" + contentType
                + ", events=" + events + ", authEnabled=" + authEnabled + ", privateKey=(hidden)]";
    }
}
