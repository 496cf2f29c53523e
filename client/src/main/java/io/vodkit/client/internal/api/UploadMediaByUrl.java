package io.vodkit.client.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.VodException;
import io.vodkit.client.api.UrlUploadJob;
import io.vodkit.client.internal.Json;
import io.vodkit.client.media.UploadMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * UploadMediaByUrl (spec §8.1): {@code POST}, Version 2023-01-01, a form body {@code SpaceName=…&URLSets=<JSON text>}
 * as the official SDKs send it. Returns one {@link UrlUploadJob} per URLSet. Every URLSet is sent with a FileName
 * (a fresh {@code <32 hex digits><FileExtension>}, as the skill does, when none was asked for), which every retry of
 * the call repeats: the action has no idempotency token, and the FileName is what lets a retry after a lost reply
 * be recognised as the same job.
 */
public final class UploadMediaByUrl {

    public static final String ACTION = "UploadMediaByUrl";
    public static final String VERSION = "2023-01-01";
    /** Most URLSets in one request. */
    public static final int MAX_URL_SETS = 20;

    /**
     * One {@code URLSets} entry (media-management.md A13); {@code null} fields are left out.
     *
     * @param sourceUrl     the http(s) URL of the file itself (required)
     * @param fileExtension {@code .}-prefixed suffix, e.g. {@code .mp4}
     * @param fileName      storage FileName to use, or {@code null} for a generated one
     * @param storageClass  1 standard, 2 archive, 3 IA
     * @param templateId    workflow template to start after the pull
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UrlSet(
            @JsonProperty("SourceUrl") String sourceUrl,
            @JsonProperty("FileExtension") String fileExtension,
            @JsonProperty("FileName") String fileName,
            @JsonProperty("Title") String title,
            @JsonProperty("Description") String description,
            @JsonProperty("Tags") String tags,
            @JsonProperty("Category") String category,
            @JsonProperty("ClassificationId") Long classificationId,
            @JsonProperty("RecordType") Integer recordType,
            @JsonProperty("StorageClass") Integer storageClass,
            @JsonProperty("TemplateId") String templateId,
            @JsonProperty("CallbackArgs") String callbackArgs) {

        public UrlSet {
            Objects.requireNonNull(sourceUrl, "sourceUrl == null");
        }

        /** The URLSet of {@code sourceUrl} carrying {@code metadata}. */
        public static UrlSet of(String sourceUrl, String fileExtension, String fileName, UploadMetadata metadata) {
            int storageClass = metadata.storageClassNumber();
            return new UrlSet(
                    sourceUrl,
                    fileExtension,
                    fileName,
                    metadata.title(),
                    metadata.description(),
                    metadata.tags(),
                    metadata.category(),
                    metadata.classificationId(),
                    metadata.recordType(),
                    storageClass == 0 ? null : storageClass,
                    metadata.workflowTemplate(),
                    metadata.callbackArgs());
        }

        /** This URLSet with a FileName: its own, else a fresh {@code <32 hex digits><FileExtension>}. */
        UrlSet named() {
            if (fileName != null) {
                return this;
            }
            String name = UUID.randomUUID().toString().replace("-", "") + (fileExtension == null ? "" : fileExtension);
            return new UrlSet(
                    sourceUrl,
                    fileExtension,
                    name,
                    title,
                    description,
                    tags,
                    category,
                    classificationId,
                    recordType,
                    storageClass,
                    templateId,
                    callbackArgs);
        }
    }

    private final ApiCaller api;

    public UploadMediaByUrl(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    /**
     * Submits 1…{@value #MAX_URL_SETS} URLs to {@code spaceName}.
     *
     * @return the jobs in the order the service listed them
     * @throws VodException when the reply has no JobId
     */
    public List<UrlUploadJob> call(String spaceName, List<UrlSet> urlSets) {
        Objects.requireNonNull(spaceName, "spaceName == null");
        if (urlSets.isEmpty() || urlSets.size() > MAX_URL_SETS) {
            throw new IllegalArgumentException("1 to " + MAX_URL_SETS + " URLSets per request, got " + urlSets.size());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SpaceName", spaceName);
        form.put("URLSets", json(urlSets.stream().map(UrlSet::named).toList()));
        JsonNode result = api.postForm(ACTION, VERSION, form);
        List<UrlUploadJob> jobs =
                Json.list(result, "Data", n -> new UrlUploadJob(Json.text(n, "JobId"), Json.text(n, "SourceUrl")));
        if (jobs.isEmpty() || jobs.stream().anyMatch(job -> job.jobId().isEmpty())) {
            throw new VodException(ACTION + " did not return a JobId, response: " + result);
        }
        return jobs;
    }

    private String json(List<UrlSet> urlSets) {
        try {
            return api.mapper().writeValueAsString(urlSets);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("URLSets cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
