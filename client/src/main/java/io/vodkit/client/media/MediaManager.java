package io.vodkit.client.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.api.PlayInfo;
import io.vodkit.client.internal.Json;
import io.vodkit.client.internal.api.ApiCaller;
import io.vodkit.client.internal.api.CreateSpace;
import io.vodkit.client.internal.api.GetPlayInfo;
import io.vodkit.client.internal.api.UpdateMediaPublishStatus;
import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.limits.Limits;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Media management, the one entry point for what is in a space (media-management.md): read media
 * (GetMediaInfos, GetMediaList), change it (UpdateMediaInfo, UpdateMediaPublishStatus, UpdateMediaStorageClass),
 * delete it (DeleteMedia, DeleteMediaTosFile) and download stored files. Calls over the service's per-call limits
 * are split into batches. Arguments are checked ({@link Limits}) before anything is sent.
 *
 * <pre>{@code
 * MediaInfos found = client.media().infos(List.of(vid));
 * }</pre>
 */
public final class MediaManager {
    public static final String VERSION = "2023-01-01";
    /** DeleteMediaTosFile's BytePlus version (A1). */
    public static final String TOS_FILE_VERSION = "2023-07-01";

    private final ApiCaller api;
    private final MediaDownloader downloads;

    public MediaManager(ApiCaller api, HttpTransport transport) {
        this.api = Objects.requireNonNull(api, "api == null");
        this.downloads = new MediaDownloader(transport);
    }

    /** GetMediaInfos, {@value Limits#MAX_VIDS} Vids a call; repeated Vids are asked once. */
    public MediaInfos infos(List<String> vids) {
        List<MediaInfo> media = new ArrayList<>();
        List<String> notExist = new ArrayList<>();
        for (List<String> batch : batches(vids)) {
            JsonNode result = api.get("GetMediaInfos", VERSION, Map.of("Vids", String.join(",", batch)));
            media.addAll(Json.list(result, "MediaInfoList", MediaInfo::parse));
            notExist.addAll(Json.list(result, "NotExistVids", JsonNode::asText));
        }
        return new MediaInfos(media, notExist);
    }

    /** One GetMediaList page of {@code space}. */
    public MediaPage list(String space, MediaQuery query, int offset, int pageSize) {
        Objects.requireNonNull(space, "space == null");
        Limits.OFFSET.check((long) offset);
        Limits.PAGE_SIZE.check((long) pageSize);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SpaceName", space);
        putList(params, "Status", query.statuses());
        putList(params, "Tags", query.tags());
        putList(
                params,
                "ClassificationIds",
                query.classificationIds().stream().map(String::valueOf).toList());
        putList(params, "TosStorageClasses", query.storageClasses());
        if (query.startTime() != null) {
            params.put("StartTime", iso(query.startTime()));
        }
        if (query.endTime() != null) {
            params.put("EndTime", iso(query.endTime()));
        }
        params.put("Order", query.ascending() ? "Asc" : "Desc");
        params.put("Offset", Integer.toString(offset));
        params.put("PageSize", Integer.toString(pageSize));
        JsonNode result = api.get("GetMediaList", VERSION, params);
        return new MediaPage(
                Json.list(result, "MediaInfoList", MediaInfo::parse),
                Json.intValue(result, "TotalCount"),
                offset,
                pageSize);
    }

    /**
     * Hands up to {@code limit} media of {@code space} to {@code action}, page after page of {@code pageSize}, as they
     * arrive; the service lets a filter reach {@value Limits#MAX_OFFSET} media and one page more at most (narrow
     * it by time for more). Returns how many were handed over.
     */
    public int forEach(String space, MediaQuery query, long limit, int pageSize, Consumer<MediaInfo> action) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1, got " + limit);
        }
        Limits.PAGE_SIZE.check((long) pageSize);
        int seen = 0;
        int offset = 0;
        while (seen < limit && offset <= Limits.MAX_OFFSET) {
            int size = (int) Math.min(pageSize, limit - seen);
            MediaPage page = list(space, query, offset, size);
            page.media().forEach(action);
            seen += page.media().size();
            offset += page.media().size();
            if (page.media().size() < size || offset >= page.totalCount()) {
                break;
            }
        }
        return seen;
    }

    /**
     * Changes one Vid: the fields {@code update} sets, then whether it is published, then its storage class; nothing
     * is changed when the service does not know the Vid.
     *
     * @param published    {@code true} to publish, {@code false} to unpublish, {@code null} to leave as it is
     * @param storageClass the storage class to move it to, or {@code null} to leave as it is
     * @return the media as it is afterwards; empty when the Vid does not exist
     */
    public Optional<MediaInfo> change(String vid, MediaUpdate update, Boolean published, String storageClass) {
        if (infos(List.of(vid)).media().isEmpty()) {
            return Optional.empty();
        }
        if (!update.isEmpty()) {
            update(vid, update);
        }
        if (published != null) {
            publish(vid, published);
        }
        if (storageClass != null) {
            changeStorageClass(List.of(vid), storageClass);
        }
        return Optional.of(infos(List.of(vid)).media().get(0));
    }

    /** UpdateMediaInfo: only the fields {@code update} sets are sent. */
    public void update(String vid, MediaUpdate update) {
        Objects.requireNonNull(vid, "vid == null");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Vid", vid);
        putIfSet(params, "Title", update.title());
        putIfSet(params, "Description", update.description());
        putIfSet(params, "Tags", update.tags());
        putIfSet(params, "Category", update.category());
        putIfSet(params, "PosterUri", update.posterUri());
        if (update.classificationId() != null) {
            params.put("ClassificationId", update.classificationId().toString());
        }
        api.get("UpdateMediaInfo", VERSION, params);
    }

    /**
     * GetPlayInfo (spec §10.2): the play URLs of published media {@code vid}.
     *
     * @throws io.vodkit.client.VodServiceException e.g. {@code ResourceNotFound} for an unknown Vid, or (as the local
     *     emulator answers) {@code InvalidParameter} for media that exists but is not published
     */
    public PlayInfo playInfo(String vid) {
        return new GetPlayInfo(api).call(vid);
    }

    /**
     * CreateSpace (Volcengine's documented form, not in the BytePlus spec): the local emulator creates the space if it
     * is missing; the cloud's spaces are made in its console.
     */
    public void createSpace(String spaceName) {
        new CreateSpace(api).call(spaceName);
    }

    /** UpdateMediaPublishStatus. */
    public void publish(String vid, boolean published) {
        new UpdateMediaPublishStatus(api)
                .call(vid, published ? UpdateMediaPublishStatus.PUBLISHED : UpdateMediaPublishStatus.UNPUBLISHED);
    }

    /** UpdateMediaStorageClass ({@code standard}, {@code archive} or {@code ia}); returns the Vids that do not exist. */
    public List<String> changeStorageClass(List<String> vids, String storageClass) {
        String upper = Limits.storageClass(storageClass);
        List<String> notExist = new ArrayList<>();
        for (List<String> batch : batches(vids)) {
            JsonNode result = api.get(
                    "UpdateMediaStorageClass", VERSION, Map.of("Vids", String.join(",", batch), "StorageClass", upper));
            notExist.addAll(Json.list(result, "NotExistVids", JsonNode::asText));
        }
        return List.copyOf(notExist);
    }

    /**
     * DeleteMedia: each Vid with its original, poster and outputs; {@value Limits#MAX_VIDS} a call. Returns the
     * Vids that do not exist.
     */
    public List<String> delete(List<String> vids) {
        List<String> notExist = new ArrayList<>();
        for (List<String> batch : batches(vids)) {
            JsonNode result = api.get("DeleteMedia", VERSION, Map.of("Vids", String.join(",", batch)));
            notExist.addAll(Json.list(result, "NotExistVids", JsonNode::asText));
        }
        return List.copyOf(notExist);
    }

    /** DeleteMediaTosFile: stored files by FileName (their Vids stay); returns the names that could not be deleted. */
    public List<String> deleteFiles(String space, List<String> fileNames) {
        Objects.requireNonNull(space, "space == null");
        Limits.FILE_NAME_COUNT.check((long) fileNames.size());
        String json;
        try {
            json = api.mapper().writeValueAsString(fileNames);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("file names cannot be written as JSON", e);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SpaceName", space);
        form.put("FileNames", json);
        JsonNode result = api.postForm("DeleteMediaTosFile", TOS_FILE_VERSION, form);
        return Json.list(result, "FailedFileNames", JsonNode::asText);
    }

    /** Streams a stored file to disk, resuming with Range, checked against its size and MD5, renamed when whole. */
    public DownloadResult download(DownloadRequest request, DownloadListener listener) {
        return downloads.download(request, listener);
    }

    /** The distinct Vids in groups of at most {@value Limits#MAX_VIDS}. */
    static List<List<String>> batches(List<String> vids) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(vids));
        if (distinct.isEmpty()) {
            throw new IllegalArgumentException("no Vid given");
        }
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += Limits.MAX_VIDS) {
            batches.add(distinct.subList(i, Math.min(distinct.size(), i + Limits.MAX_VIDS)));
        }
        return batches;
    }

    private static void putList(Map<String, String> params, String name, List<String> values) {
        if (!values.isEmpty()) {
            params.put(name, String.join(",", values));
        }
    }

    private static void putIfSet(Map<String, String> params, String name, String value) {
        if (value != null) {
            params.put(name, value);
        }
    }

    private static String iso(Instant time) {
        return time.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
