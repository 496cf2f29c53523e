package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.VodException;
import io.vodkit.client.api.SourceInfo;
import io.vodkit.client.api.UploadFunction;
import io.vodkit.client.internal.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** CommitUploadInfo (spec §7): {@code GET}, Version 2023-01-01; {@code Functions} is a JSON string parameter. */
public final class CommitUploadInfo {

    public static final String ACTION = "CommitUploadInfo";
    public static final String VERSION = "2023-01-01";

    /**
     * @param spaceName    required
     * @param sessionKey   required: the SessionKey of the upload address that was used
     * @param functions    post-upload functions; {@code null} = {@link UploadFunction#defaults()}, empty = none sent
     * @param callbackArgs passed through to callbacks (≤ 512 bytes), or {@code null}
     */
    public record Request(String spaceName, String sessionKey, List<UploadFunction> functions, String callbackArgs) {

        public Request {
            Objects.requireNonNull(spaceName, "spaceName == null");
            Objects.requireNonNull(sessionKey, "sessionKey == null");
            functions = functions == null ? UploadFunction.defaults() : List.copyOf(functions);
        }
    }

    private final ApiCaller api;

    public CommitUploadInfo(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public CommittedMedia call(Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SpaceName", request.spaceName());
        params.put("SessionKey", request.sessionKey());
        if (!request.functions().isEmpty()) {
            params.put("Functions", UploadFunction.jsonArray(request.functions()));
        }
        if (request.callbackArgs() != null && !request.callbackArgs().isEmpty()) {
            params.put("CallbackArgs", request.callbackArgs());
        }

        JsonNode data = api.get(ACTION, VERSION, params).path("Data");
        String vid = Json.text(data, "Vid");
        if (vid.isEmpty()) {
            throw new VodException(ACTION + ": reply has no Result.Data.Vid");
        }
        return new CommittedMedia(vid, Json.text(data, "PosterUri"), SourceInfo.from(data.path("SourceInfo")));
    }
}
