package io.vodkit.client.enhance;

/**
 * The video a successful restoration wrote.
 *
 * @param spaceName the space it is stored in
 * @param runId     the restoration job
 * @param fileId    the output's FileId ({@code ""} if the service gave none)
 * @param fileName  its FileName (what {@code directurl://} names and play URLs are built from)
 * @param playUrl   a playable URL of it, freshly signed when the domain needs it; {@code ""} when the space has no
 *                  usable play domain
 */
public record RestoredVideo(String spaceName, String runId, String fileId, String fileName, String playUrl) {}
