package io.vodkit.emulator.internal.callback;

import java.net.URI;
import java.util.Optional;

/** Whether the emulator may send to a callback URL: empty when it may, else why not. */
@FunctionalInterface
public interface UrlCheck {
    Optional<String> refusal(URI url);
}
