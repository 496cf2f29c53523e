package io.vodkit.client.upload;

import io.vodkit.client.api.SourceInfo;

/**
 * A committed upload.
 *
 * @param vid        the media id
 * @param posterUri  cover image URI ({@code ""} if none)
 * @param fileName   object key (what play URLs are built from): {@code SourceInfo.FileName}, else the StoreUri
 *                   without its bucket
 * @param storeUri   {@code <bucket>/<FileName>}
 * @param spaceName  the space
 * @param sourceInfo media meta as the service reported it
 * @param playUrl    a playable URL of the stored file, freshly signed when the domain needs it; {@code ""} when the
 *                   space has no usable play domain (or it was not resolved)
 */
public record UploadResult(
        String vid,
        String posterUri,
        String fileName,
        String storeUri,
        String spaceName,
        SourceInfo sourceInfo,
        String playUrl) {

    public UploadResult {
        playUrl = playUrl == null ? "" : playUrl;
    }

    /** A result whose play URL is not resolved yet. */
    public UploadResult(
            String vid, String posterUri, String fileName, String storeUri, String spaceName, SourceInfo sourceInfo) {
        this(vid, posterUri, fileName, storeUri, spaceName, sourceInfo, "");
    }

    /**
     * A result whose play URL is not resolved yet, named as the service reported it: {@code sourceInfo}'s FileName,
     * else {@code storeUri} without its bucket ({@code bucket/a/b.mp4} → {@code a/b.mp4}).
     */
    public static UploadResult stored(
            String vid, String posterUri, String storeUri, String spaceName, SourceInfo sourceInfo) {
        String fileName =
                sourceInfo.fileName().isEmpty() ? storeUri.substring(storeUri.indexOf('/') + 1) : sourceInfo.fileName();
        return new UploadResult(vid, posterUri, fileName, storeUri, spaceName, sourceInfo);
    }

    /** This result with {@code playUrl}. */
    public UploadResult withPlayUrl(String playUrl) {
        return new UploadResult(vid, posterUri, fileName, storeUri, spaceName, sourceInfo, playUrl);
    }
}
