package io.vodkit.cli.output;

import io.vodkit.client.api.MediaSource;
import io.vodkit.client.media.MediaInfo;
import io.vodkit.client.url.PlayUrlResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON line of one media asset, as {@code vodkit info} and {@code vodkit ls} print it. */
public final class MediaLine {
    private MediaLine() {}

    /** Its fields, in a fixed order; {@code PlayURL} is a freshly signed URL of the original ({@code ""} if none). */
    public static Map<String, Object> of(MediaInfo media, PlayUrlResolver playUrls) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("Vid", media.vid());
        line.put("Source", MediaSource.VID_PREFIX + media.vid());
        line.put("SpaceName", media.spaceName());
        line.put("Title", media.title());
        line.put("Description", media.description());
        line.put("Tags", media.tags());
        line.put("Category", media.category());
        line.put("ClassificationId", media.classificationId());
        line.put("PublishStatus", media.publishStatus());
        line.put("StorageClass", media.storageClass());
        line.put("Duration", media.duration());
        line.put("Size", media.size());
        line.put("Width", media.width());
        line.put("Height", media.height());
        line.put("Bitrate", media.bitrate());
        line.put("Format", media.format());
        line.put("Md5", media.md5());
        line.put("FileName", media.fileName());
        line.put("PosterUri", media.posterUri());
        line.put("CreateTime", media.createTime());
        line.put("PlayURL", playUrls.playUrlOrEmpty(media.spaceName(), media.fileName(), null));
        return line;
    }
}
