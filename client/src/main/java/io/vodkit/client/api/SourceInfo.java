package io.vodkit.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;

/**
 * The parts of CommitUploadInfo's {@code Result.Data.SourceInfo} (spec §7.3) vodkit uses. Absent text fields are
 * {@code ""}, absent numbers {@code 0}.
 *
 * @param fileName   object key ({@code StoreUri} without the bucket); what play URLs are built from
 * @param storeUri   {@code <bucket>/<FileName>}
 * @param size       bytes
 * @param md5        hex MD5 of the stored bytes
 * @param fileType   {@code video} or {@code audio}
 * @param format     container, e.g. {@code mp4}
 * @param duration   seconds
 * @param width      pixels
 * @param height     pixels
 * @param codec      e.g. {@code h264}
 * @param bitrate    kbps
 * @param fps        frames per second
 * @param definition e.g. {@code 1080p}
 * @param createTime as the service wrote it
 */
public record SourceInfo(
        String fileName,
        String storeUri,
        long size,
        String md5,
        String fileType,
        String format,
        double duration,
        int width,
        int height,
        String codec,
        long bitrate,
        double fps,
        String definition,
        String createTime) {

    /** Reads a {@code SourceInfo} object leniently (missing node → all empty). */
    public static SourceInfo from(JsonNode node) {
        return new SourceInfo(
                Json.text(node, "FileName"),
                Json.text(node, "StoreUri"),
                Json.longValue(node, "Size"),
                Json.text(node, "Md5"),
                Json.text(node, "FileType"),
                Json.text(node, "Format"),
                Json.doubleValue(node, "Duration"),
                Json.intValue(node, "Width"),
                Json.intValue(node, "Height"),
                Json.text(node, "Codec"),
                Json.longValue(node, "Bitrate"),
                Json.doubleValue(node, "Fps"),
                Json.text(node, "Definition"),
                Json.text(node, "CreateTime"));
    }
}
