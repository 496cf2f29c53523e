package io.vodkit.client.pull;

import io.vodkit.client.VodException;
import io.vodkit.client.internal.api.UploadMediaByUrl;
import io.vodkit.client.limits.Limits;
import io.vodkit.client.media.UploadMetadata;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One URL to pull into VOD. The file extension is taken from the URL path (as the skill does); a URL that is not
 * http(s) or whose path has no extension is refused here, before any request.
 *
 * @param sourceUrl the http(s) URL of the media file
 * @param fileName  storage FileName to ask for, or {@code null} to let the service choose
 * @param metadata  what is stored with the media (checked against the URL pull limits here), or {@code null}
 * @throws io.vodkit.client.limits.InvalidValueException for a FileName outside {@link Limits#URL_FILE_NAME}
 */
public record UrlPullRequest(String sourceUrl, String fileName, UploadMetadata metadata) {

    public UrlPullRequest {
        Objects.requireNonNull(sourceUrl, "sourceUrl == null");
        extensionOf(sourceUrl);
        Limits.URL_FILE_NAME.check(fileName);
        metadata = metadata == null ? UploadMetadata.NONE : metadata.check(true);
    }

    /** A request with only the URL. */
    public static UrlPullRequest of(String sourceUrl) {
        return new UrlPullRequest(sourceUrl, null, null);
    }

    /** True for text that starts with {@code http://} or {@code https://} (any case): what the CLI treats as a URL. */
    public static boolean isUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** {@code .mp4} for {@code https://host/a/clip.MP4?x=1}. */
    public String fileExtension() {
        return extensionOf(sourceUrl);
    }

    /** The URLSet UploadMediaByUrl sends for this request. */
    UploadMediaByUrl.UrlSet toUrlSet() {
        return UploadMediaByUrl.UrlSet.of(sourceUrl, fileExtension(), fileName, metadata);
    }

    /**
     * The lower-case, dot-prefixed extension of the URL path's last segment.
     *
     * @throws VodException for a non-http(s) URL, a malformed URL or a path without an extension
     */
    public static String extensionOf(String sourceUrl) {
        URI uri;
        try {
            uri = new URI(sourceUrl);
        } catch (URISyntaxException e) {
            throw new VodException("not a valid URL: " + sourceUrl + " (" + e.getReason() + ")", e);
        }
        if (!isUrl(sourceUrl) || uri.getHost() == null) {
            throw new VodException("only http and https URLs with a host can be pulled: " + sourceUrl);
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0 || dot == last.length() - 1) {
            throw new VodException("the URL path must end in a file extension (e.g. .mp4 / .mov / .mp3): " + sourceUrl);
        }
        return last.substring(dot).toLowerCase(Locale.ROOT);
    }
}
