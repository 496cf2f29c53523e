package io.vodkit.client.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;
import java.util.List;

/**
 * One media asset as GetMediaInfos and GetMediaList describe it (media-management.md A3): its BasicInfo and the
 * SourceInfo of its original file. Text fields the service left out are {@code ""}, numbers {@code 0}.
 *
 * @param classificationId 0 when unclassified
 * @param storageClass     {@code STANDARD}, {@code ARCHIVE} or {@code IA}
 * @param createTime       ISO-8601, e.g. {@code 2026-01-01T00:00:00Z}
 * @param fileName         the original file's FileName (object key)
 * @param size             bytes
 * @param duration         seconds
 * @param bitrate          as the service reports it (units differ between its sources)
 */
public record MediaInfo(
        String vid,
        String spaceName,
        String title,
        String description,
        List<String> tags,
        String category,
        long classificationId,
        String publishStatus,
        String storageClass,
        String posterUri,
        String createTime,
        String fileName,
        String storeUri,
        String md5,
        long size,
        double duration,
        int width,
        int height,
        long bitrate,
        String format,
        String fileType) {

    public MediaInfo {
        tags = List.copyOf(tags);
    }

    /** Reads one {@code MediaInfoList} element. */
    public static MediaInfo parse(JsonNode info) {
        JsonNode basic = info.path("BasicInfo");
        JsonNode source = info.path("SourceInfo");
        String storageClass = Json.text(basic, "TosStorageClass");
        return new MediaInfo(
                Json.text(basic, "Vid"),
                Json.text(basic, "SpaceName"),
                Json.text(basic, "Title"),
                Json.text(basic, "Description"),
                Json.list(basic, "Tags", JsonNode::asText),
                Json.text(basic, "Category"),
                Json.longValue(basic.path("Classification"), "ClassificationId"),
                Json.text(basic, "PublishStatus"),
                storageClass.isEmpty() ? Json.text(source, "TosStorageClass") : storageClass,
                Json.text(basic, "PosterUri"),
                Json.text(basic, "CreateTime"),
                Json.text(source, "FileName"),
                Json.text(source, "StoreUri"),
                Json.text(source, "Md5"),
                Json.longValue(source, "Size"),
                Json.doubleValue(source, "Duration"),
                Json.intValue(source, "Width"),
                Json.intValue(source, "Height"),
                Json.longValue(source, "Bitrate"),
                Json.text(source, "Format"),
                Json.text(source, "FileType"));
    }
}
