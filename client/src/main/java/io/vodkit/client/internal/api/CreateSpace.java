package io.vodkit.client.internal.api;

import java.util.Map;
import java.util.Objects;

/**
 * CreateSpace: {@code GET}, Version 2021-01-01 (Volcengine VOD's documented form; not in the BytePlus spec), with
 * {@code SpaceName}. vodkit sends it only to a local emulator it joins, which creates the space if it is missing.
 */
public final class CreateSpace {

    public static final String ACTION = "CreateSpace";
    public static final String VERSION = "2021-01-01";

    private final ApiCaller api;

    public CreateSpace(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public void call(String spaceName) {
        Objects.requireNonNull(spaceName, "spaceName == null");
        api.get(ACTION, VERSION, Map.of("SpaceName", spaceName));
    }
}
