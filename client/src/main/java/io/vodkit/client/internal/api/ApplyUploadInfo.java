package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.VodException;
import io.vodkit.client.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** ApplyUploadInfo (spec §5): {@code GET}, Version 2023-01-01, parameters in the query. */
public final class ApplyUploadInfo {

    public static final String ACTION = "ApplyUploadInfo";
    public static final String VERSION = "2023-01-01";

    /**
     * Request parameters; {@code null} (or {@code 0} for the numbers) leaves a parameter out.
     *
     * @param spaceName     required
     * @param fileName      storage path (object key) to use, or {@code null} to let the service choose
     * @param fileExtension e.g. {@code .mp4}
     * @param fileSize      bytes; {@code 0} = not sent
     * @param fileType      {@code media}, {@code image} or {@code object}; {@code null} = service default (media)
     * @param storageClass  1 standard, 2 archive, 3 IA; {@code 0} = service default
     * @param sessionKey    the key of an earlier attempt, when retrying
     * @param needFallback  ask for {@code CandidateUploadAddresses} (Main, Backup, Fallback) as the official skill does
     */
    public record Request(
            String spaceName,
            String fileName,
            String fileExtension,
            long fileSize,
            String fileType,
            int storageClass,
            String sessionKey,
            boolean needFallback) {

        public Request {
            Objects.requireNonNull(spaceName, "spaceName == null");
        }

        /** A request without {@code NeedFallback}. */
        public Request(
                String spaceName,
                String fileName,
                String fileExtension,
                long fileSize,
                String fileType,
                int storageClass,
                String sessionKey) {
            this(spaceName, fileName, fileExtension, fileSize, fileType, storageClass, sessionKey, false);
        }
    }

    /** The candidate address lists of {@code Data.CandidateUploadAddresses}, in the order they are tried. */
    private static final List<String> CANDIDATE_LISTS =
            List.of("MainUploadAddresses", "BackupUploadAddresses", "FallbackUploadAddresses");

    private final ApiCaller api;

    public ApplyUploadInfo(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public UploadAddress call(Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SpaceName", request.spaceName());
        putIfSet(params, "FileName", request.fileName());
        putIfSet(params, "FileExtension", request.fileExtension());
        if (request.fileSize() > 0) {
            params.put("FileSize", Long.toString(request.fileSize()));
        }
        putIfSet(params, "FileType", request.fileType());
        if (request.storageClass() > 0) {
            params.put("StorageClass", Integer.toString(request.storageClass()));
        }
        putIfSet(params, "SessionKey", request.sessionKey());
        if (request.needFallback()) {
            params.put("NeedFallback", "True");
        }

        JsonNode data = api.get(ACTION, VERSION, params).path("Data");
        JsonNode address = data.path("UploadAddress");
        if (!address.isObject()) {
            throw new VodException(ACTION + ": reply has no Result.Data.UploadAddress");
        }
        List<UploadAddress> candidates = new ArrayList<>();
        JsonNode lists = data.path("CandidateUploadAddresses");
        for (String list : CANDIDATE_LISTS) {
            candidates.addAll(Json.list(lists, list, ApplyUploadInfo::address));
        }
        UploadAddress main = address(address);
        return new UploadAddress(
                main.storeInfos(), main.uploadHosts(), main.uploadHeaders(), main.sessionKey(), candidates);
    }

    private static UploadAddress address(JsonNode address) {
        return new UploadAddress(
                Json.list(address, "StoreInfos", n -> new StoreInfo(Json.text(n, "StoreUri"), Json.text(n, "Auth"))),
                Json.list(address, "UploadHosts", JsonNode::asText),
                Json.list(address, "UploadHeader", n -> new UploadHeader(Json.text(n, "Key"), Json.text(n, "Value"))),
                Json.text(address, "SessionKey"));
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.put(name, value);
        }
    }
}
