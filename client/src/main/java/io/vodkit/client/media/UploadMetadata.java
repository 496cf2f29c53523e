package io.vodkit.client.media;

import io.vodkit.client.api.UploadFunction;
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
 * @param category         material category ({@link MediaLimits#CATEGORIES}); required with record type 2
 * @param recordType       1 audio/video (the default), 2 material
 * @param storageClass     {@code standard}, {@code archive} or {@code ia}
 * @param workflowTemplate a workflow template id to start once the media is stored
 */
public record UploadMetadata(String title, String description, String tags, String category, Long classificationId,
                             Integer recordType, String storageClass, String callbackArgs,
                             String workflowTemplate) {

  public static final UploadMetadata NONE = new UploadMetadata(null, null, null, null, null, null, null, null, null);

  /** Only a title. */
  public static UploadMetadata title(String title) {
    return new UploadMetadata(title, null, null, null, null, null, null, null, null);
  }

  /**
   * The service's limits for a file ({@code url} false) or a URL pull ({@code url} true, whose Title, Description
   * and Tags are shorter, A13).
   *
   * @throws IllegalArgumentException naming the first value the service would refuse
   */
  public UploadMetadata check(boolean url) {
    MediaLimits.checkLength("title", title, url ? MediaLimits.MAX_URL_TITLE_CHARS : MediaLimits.MAX_TITLE_CHARS);
    MediaLimits.checkLength("description", description,
        url ? MediaLimits.MAX_URL_DESCRIPTION_CHARS : MediaLimits.MAX_DESCRIPTION_CHARS);
    MediaLimits.checkTags(tags);
    if (url) {
      MediaLimits.checkLength("tags text of a URL pull", tags, MediaLimits.MAX_URL_TAGS_CHARS);
    }
    if (category != null && !MediaLimits.CATEGORIES.contains(category)) {
      throw new IllegalArgumentException("the category must be one of " + String.join(", ", MediaLimits.CATEGORIES)
          + ", got " + category);
    }
    if (recordType != null && recordType != 1 && recordType != 2) {
      throw new IllegalArgumentException("the record type must be 1 (audio/video) or 2 (material), got "
          + recordType);
    }
    if (recordType != null && recordType == 2 && category == null) {
      throw new IllegalArgumentException("record type 2 (material) needs a category");
    }
    if (classificationId != null && classificationId < 0) {
      throw new IllegalArgumentException("a classification id is 0 or positive, got " + classificationId);
    }
    if (storageClass != null) {
      MediaLimits.checkStorageClass(storageClass);
    }
    MediaLimits.checkCallbackArgs(callbackArgs);
    if (workflowTemplate != null && workflowTemplate.isBlank()) {
      throw new IllegalArgumentException("the workflow template id is empty");
    }
    return this;
  }

  /** The integer StorageClass of ApplyUploadInfo and URLSets: 1 standard, 2 archive, 3 IA, 0 the default. */
  public int storageClassNumber() {
    if (storageClass == null) {
      return 0;
    }
    return MediaLimits.STORAGE_CLASSES.indexOf(MediaLimits.checkStorageClass(storageClass)) + 1;
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
