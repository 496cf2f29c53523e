package io.vodkit.emulator.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.NestedJson;
import io.vodkit.emulator.internal.api.UploadMediaByUrlResult;
import io.vodkit.emulator.internal.pull.UrlPulls;
import java.util.ArrayList;
import java.util.List;

/**
 * UploadMediaByUrl (spec §8.1): SpaceName and URLSets (a JSON array, or JSON text in a form body or query). Each
 * URLSet becomes one job; Title, Tags, Description, Category and ClassificationId go to AddOptionInfo.
 */
public final class UploadMediaByUrlHandler implements ActionHandler {
    private static final String URL_SETS = "URLSets";
    private static final List<String> OPTION_FIELDS =
            List.of("Title", "Tags", "Description", "Category", "ClassificationId", "RecordType");

    private final UrlPulls pulls;

    public UploadMediaByUrlHandler(UrlPulls pulls) {
        this.pulls = pulls;
    }

    @Override
    public Object handle(Params params) {
        String space = params.requireText("SpaceName");
        JsonNode sets = NestedJson.structure(URL_SETS, params.raw(URL_SETS))
                .orElseThrow(() -> ApiError.MISSING_PARAMETER.exception(URL_SETS));
        if (!sets.isArray()) {
            throw ApiError.INVALID_PARAMETER.exception(URL_SETS, sets, "must be a JSON array");
        }
        List<UrlPulls.Submission> submissions = new ArrayList<>();
        for (JsonNode set : sets) {
            if (!set.isObject()) {
                throw ApiError.INVALID_PARAMETER.exception(URL_SETS, set, "each entry must be a JSON object");
            }
            String sourceUrl = text(set, "SourceUrl");
            if (sourceUrl == null) {
                throw ApiError.MISSING_PARAMETER.exception("URLSets[].SourceUrl");
            }
            submissions.add(new UrlPulls.Submission(
                    sourceUrl,
                    text(set, "FileName"),
                    text(set, "FileExtension"),
                    text(set, "Md5"),
                    text(set, "CallbackArgs"),
                    options(set),
                    storageClass(set),
                    text(set, "TemplateId")));
        }
        List<UploadMediaByUrlResult.Job> jobs = pulls.submit(space, submissions).stream()
                .map(job -> new UploadMediaByUrlResult.Job(job.jobId(), job.sourceUrl()))
                .toList();
        return new UploadMediaByUrlResult(jobs);
    }

    /** The AddOptionInfo input: the option fields that are set (Java SDK defaults such as "" and "0" are not). */
    private static ObjectNode options(JsonNode set) {
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        for (String field : OPTION_FIELDS) {
            String value = text(set, field);
            if (value != null && !value.equals("0")) {
                options.put(field, value);
            }
        }
        return options;
    }

    /** {@code StorageClass} as a whole number (0 when absent or not set). */
    private static long storageClass(JsonNode set) {
        String value = text(set, "StorageClass");
        try {
            return value == null ? 0 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.INVALID_PARAMETER.exception("URLSets[].StorageClass", value, "must be 1, 2 or 3");
        }
    }

    /** A scalar field as text; null when absent, null or "". */
    private static String text(JsonNode set, String field) {
        JsonNode value = set.get(field);
        if (value == null
                || value.isNull()
                || value.isContainerNode()
                || value.asText().isEmpty()) {
            return null;
        }
        return value.asText();
    }
}
