package io.vodkit.client.media;

import io.vodkit.client.api.UploadFunction;
import io.vodkit.client.limits.InvalidValueException;
import io.vodkit.client.limits.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an upload stores with the media besides its bytes (media-management.md A12 for files, A13 for URL pulls):
 * sent as CommitUploadInfo's AddOptionInfo and StartWorkflow functions, its CallbackArgs and ApplyUploadInfo's
 * StorageClass for a file, and as URLSet fields for a URL. {@code null} = not given. Checked with {@link #check}
 * before anything is sent.
 *
 * @param tags             comma-separated
 * @param category         material category ({@link Limits#CATEGORIES}); required with record type 2
 * @param recordType       1 audio/video (the default), 2 material
 * @param storageClass     {@code standard}, {@code archive} or {@code ia}
 * @param workflowTemplate a workflow template id to start once the media is stored
 */
public record UploadMetadata(
        String title,
        String description,
        String tags,
        String category,
        Long classificationId,
        Integer recordType,
        String storageClass,
        String callbackArgs,
        String workflowTemplate) {

    public static final UploadMetadata NONE = new UploadMetadata(null, null, null, null, null, null, null, null, null);

    /** Only a title. */
    public static UploadMetadata title(String title) {
        return new UploadMetadata(title, null, null, null, null, null, null, null, null);
    }

    /**
     * The service's {@link Limits} for a file ({@code url} false) or a URL pull ({@code url} true, whose Title,
     * Description and Tags are shorter, A13).
     *
     * @throws InvalidValueException naming the first value the service would refuse
     */
    public UploadMetadata check(boolean url) {
        (url ? Limits.URL_TITLE : Limits.TITLE).check(title);
        (url ? Limits.URL_DESCRIPTION : Limits.DESCRIPTION).check(description);
        Limits.TAGS.check(tags);
        if (url) {
            Limits.URL_TAGS.check(tags);
        }
        Limits.CATEGORY.check(category);
        Limits.RECORD_TYPE.check(recordType);
        if (recordType != null && recordType == 2 && category == null) {
            throw new InvalidValueException(
                    Limits.CATEGORY.name(),
                    "given with record type 2 (material): " + Limits.CATEGORY.accepted(),
                    "none");
        }
        Limits.CLASSIFICATION_ID.check(classificationId);
        Limits.STORAGE_CLASS.check(storageClass);
        Limits.CALLBACK_ARGS.check(callbackArgs);
        Limits.WORKFLOW_TEMPLATE.check(workflowTemplate);
        return this;
    }

    /** The integer StorageClass of ApplyUploadInfo and URLSets: 1 standard, 2 archive, 3 IA, 0 the default. */
    public int storageClassNumber() {
        if (storageClass == null) {
            return 0;
        }
        return Limits.STORAGE_CLASSES.indexOf(Limits.storageClass(storageClass)) + 1;
    }

    /** AddOptionInfo's Input: the fields that are set. */
    public Map<String, Object> optionInfo() {
        Map<String, Object> input = new LinkedHashMap<>();
        putIfSet(input, "Title", title);
        putIfSet(input, "Description", description);
        putIfSet(input, "Tags", tags);
        putIfSet(input, "Category", category);
        putIfSet(input, "ClassificationId", classificationId);
        putIfSet(input, "RecordType", recordType);
        return input;
    }

    /** The commit functions this adds to GetMeta and Snapshot: AddOptionInfo and StartWorkflow, when set. */
    public List<UploadFunction> functions() {
        List<UploadFunction> functions = new ArrayList<>();
        Map<String, Object> options = optionInfo();
        if (!options.isEmpty()) {
            functions.add(new UploadFunction("AddOptionInfo", options));
        }
        if (workflowTemplate != null) {
            functions.add(new UploadFunction("StartWorkflow", Map.of("TemplateId", workflowTemplate)));
        }
        return functions;
    }

    private static void putIfSet(Map<String, Object> input, String name, Object value) {
        if (value != null) {
            input.put(name, value);
        }
    }
}
