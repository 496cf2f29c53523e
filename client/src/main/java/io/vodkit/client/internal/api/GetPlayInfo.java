package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.api.PlayInfo;
import io.vodkit.client.internal.Json;
import java.util.Map;
import java.util.Objects;

/** GetPlayInfo (spec §10.2): {@code GET}, Version 2023-01-01, {@code Vid}. */
public final class GetPlayInfo {

    public static final String ACTION = "GetPlayInfo";
    public static final String VERSION = "2023-01-01";

    private final ApiCaller api;

    public GetPlayInfo(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public PlayInfo call(String vid) {
        Objects.requireNonNull(vid, "vid == null");
        JsonNode result = api.get(ACTION, VERSION, Map.of("Vid", vid));
        return new PlayInfo(
                vid,
                Json.doubleValue(result, "Duration"),
                Json.text(result, "PosterUrl"),
                Json.list(
                        result,
                        "PlayInfoList",
                        entry -> new PlayInfo.Entry(
                                Json.text(entry, "FileId"),
                                Json.text(entry, "Format"),
                                Json.text(entry, "Definition"),
                                Json.intValue(entry, "Width"),
                                Json.intValue(entry, "Height"),
                                Json.text(entry, "MainPlayUrl"),
                                Json.text(entry, "BackupPlayUrl"))));
    }
}
