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
 */
public record UploadResult(String vid, String posterUri, String fileName, String storeUri, String spaceName,
                           SourceInfo sourceInfo) {
}
