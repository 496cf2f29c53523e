package io.vodkit.emulator.internal.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.GetExecutionResult;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.SourceInfo;
import io.vodkit.emulator.internal.db.UrlJob;
import java.util.List;
import java.util.Optional;

/**
 * The events the emulator sends, each with the {@code Data} of its page (media-management.md A15.3, the SDK's
 * {@code VodUploadCallbackData} for the upload events; ExecutionComplete: GetExecution's Result, docs-executioncomplete).
 * {@code Code} is {@code Success} on success (A14.6); failure codes are UNCONFIRMED, so the emulator uses VOD's shared
 * {@code FailedOperation} (a URL pull or workflow that failed) and {@code InvalidParameter.InvalidMediaStream} (meta
 * that could not be read, the code GetExecution uses for that), with the reason in {@code Message}.
 */
public final class CallbackEvents {
    static final String SUCCESS = "Success";
    static final String FAILED_OPERATION = "FailedOperation";
    static final String INVALID_MEDIA_STREAM = "InvalidParameter.InvalidMediaStream";

    private final Callbacks callbacks;

    public CallbackEvents(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /**
     * FileUploadComplete after CommitUploadInfo.
     *
     * @param posterUri   present when a cover was asked for (then possibly {@code ""}: its making failed)
     * @param templateIds the workflows asked for, shown as {@code OptionInfo} when there are any
     */
    public void fileUploaded(
            String space,
            String vid,
            SourceInfo sourceInfo,
            Optional<String> posterUri,
            String callbackArgs,
            List<String> templateIds) {
        callbacks.publish(space, EventType.FILE_UPLOAD_COMPLETE, () -> {
            ObjectNode data = outcome(SUCCESS, SUCCESS).put("Vid", vid).put("SpaceName", space);
            data.set("SourceInfo", Json.tree(sourceInfo));
            posterUri.ifPresent(uri -> data.put("PosterUri", uri));
            putIfSet(data, "CallbackArgs", callbackArgs);
            if (!templateIds.isEmpty()) {
                ObjectNode option = data.putObject("OptionInfo").put("TemplateId", templateIds.get(0));
                templateIds.forEach(option.putArray("TemplateIds")::add);
            }
            return data;
        });
    }

    /** UploadGetMetaComplete once GetMeta ran, for a file upload or a URL pull. */
    public void metaExtracted(String space, String vid, SourceInfo sourceInfo, String posterUri) {
        callbacks.publish(space, EventType.UPLOAD_GET_META_COMPLETE, () -> {
            ObjectNode data = sourceInfo.duration() != null
                    ? outcome(SUCCESS, SUCCESS)
                    : outcome(INVALID_MEDIA_STREAM, "no audio or video stream could be read from the file");
            data.put("Vid", vid).put("SpaceName", space).set("SourceInfo", Json.tree(sourceInfo));
            putIfSet(data, "PosterUri", posterUri);
            return data;
        });
    }

    /** FileUploadByUrlComplete of a URL pull that made {@code vid}. */
    public void urlPulled(UrlJob job, String vid, SourceInfo sourceInfo, String posterUri) {
        callbacks.publish(job.spaceName(), EventType.FILE_UPLOAD_BY_URL_COMPLETE, () -> {
            ObjectNode data = urlJob(outcome(SUCCESS, SUCCESS), job).put("Vid", vid);
            data.set("SourceInfo", Json.tree(sourceInfo));
            putIfSet(data, "PosterUri", posterUri);
            return data;
        });
    }

    /** FileUploadByUrlComplete of a URL pull that failed. */
    public void urlPullFailed(UrlJob job, String reason) {
        callbacks.publish(
                job.spaceName(),
                EventType.FILE_UPLOAD_BY_URL_COMPLETE,
                () -> urlJob(outcome(FAILED_OPERATION, reason), job));
    }

    private static ObjectNode urlJob(ObjectNode data, UrlJob job) {
        return data.put("JobId", job.jobId())
                .put("SourceUrl", job.sourceUrl())
                .put("SpaceName", job.spaceName())
                .put("CallbackArgs", job.callbackArgs());
    }

    /** DeleteMediaComplete of one deleted Vid: the FileNames of the stored files removed with it. */
    public void mediaDeleted(String space, String vid, List<String> fileNames, String callbackArgs) {
        callbacks.publish(space, EventType.DELETE_MEDIA_COMPLETE, () -> {
            ObjectNode data = outcome(SUCCESS, SUCCESS).put("Vid", vid).put("CallbackArgs", callbackArgs);
            fileNames.forEach(data.putArray("FileNames")::add);
            return data;
        });
    }

    /**
     * WorkflowComplete of one template's run on {@code vid}.
     *
     * @param transcodeInfo the output's TranscodeInfo, empty when the run failed
     * @param failure       why the run failed, or {@code ""}
     */
    public void workflowFinished(
            String space,
            String vid,
            String runId,
            String templateId,
            String callbackArgs,
            Optional<JsonNode> transcodeInfo,
            String failure) {
        callbacks.publish(space, EventType.WORKFLOW_COMPLETE, () -> {
            ObjectNode data =
                    transcodeInfo.isPresent() ? outcome(SUCCESS, SUCCESS) : outcome(FAILED_OPERATION, failure);
            data.put("Vid", vid)
                    .put("RunId", runId)
                    .put("SpaceName", space)
                    .put("TemplateId", templateId)
                    .put("CallbackArgs", callbackArgs);
            transcodeInfo.ifPresent(info -> data.putArray("TranscodeInfos").add(info));
            return data;
        });
    }

    /** ExecutionComplete of a restoration that ended: its GetExecution Result, with {@code SpaceName}. */
    public void executionFinished(GetExecutionResult result) {
        callbacks.publish(result.meta().spaceName(), EventType.EXECUTION_COMPLETE, () -> {
            ObjectNode data = (ObjectNode) Json.tree(result);
            data.remove("Report");
            return data.put("SpaceName", result.meta().spaceName());
        });
    }

    private static ObjectNode outcome(String code, String message) {
        return JsonNodeFactory.instance.objectNode().put("Code", code).put("Message", message);
    }

    private static void putIfSet(ObjectNode data, String name, String value) {
        if (value != null && !value.isEmpty()) {
            data.put(name, value);
        }
    }
}
