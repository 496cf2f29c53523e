package io.vodkit.client.internal.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** UpdateMediaPublishStatus (spec §10.1): {@code GET}, Version 2023-01-01, {@code Vid} and {@code Status}. */
public final class UpdateMediaPublishStatus {

    public static final String ACTION = "UpdateMediaPublishStatus";
    public static final String VERSION = "2023-01-01";
    public static final String PUBLISHED = "Published";
    public static final String UNPUBLISHED = "Unpublished";

    private final ApiCaller api;

    public UpdateMediaPublishStatus(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    /** Sets the status ({@link #PUBLISHED} or {@link #UNPUBLISHED}); it takes effect at once. */
    public void call(String vid, String status) {
        Objects.requireNonNull(vid, "vid == null");
        if (!PUBLISHED.equals(status) && !UNPUBLISHED.equals(status)) {
            throw new IllegalArgumentException("status must be Published or Unpublished: " + status);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Vid", vid);
        params.put("Status", status);
        api.get(ACTION, VERSION, params);
    }
}
