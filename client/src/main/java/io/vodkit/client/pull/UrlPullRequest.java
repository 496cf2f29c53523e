package io.vodkit.client.pull;

import io.vodkit.client.VodException;
import io.vodkit.client.api.UploadMediaByUrl;
import io.vodkit.client.limits.Limits;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One URL to pull into VOD. The file extension is taken from the URL path (as the skill does); a URL that is not
 * http(s) or whose path has no extension is refused here, before any request.
 *
 * @param sourceUrl    the http(s) URL of the media file
 * @param title        media title, or {@code null}
 * @param tags         comma-separated tags, or {@code null}
 * @param fileName     storage FileName to ask for, or {@code null} to let the service choose
 * @param callbackArgs passed through, or {@code null}
 * @throws io.vodkit.client.limits.InvalidValueException for a title, tags, FileName or CallbackArgs outside
 *     {@link Limits}
 */
public record UrlPullRequest(String sourceUrl, String title, String tags, String fileName, String callbackArgs) {

  public UrlPullRequest {
    Objects.requireNonNull(sourceUrl, "sourceUrl == null");
    extensionOf(sourceUrl);
    Limits.URL_TITLE.check(title);
    Limits.TAGS.check(tags);
    Limits.URL_FILE_NAME.check(fileName);
    Limits.CALLBACK_ARGS.check(callbackArgs);
  }

  /** A request with only the URL. */
  public static UrlPullRequest of(String sourceUrl) {
    return new UrlPullRequest(sourceUrl, null, null, null, null);
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
  public UploadMediaByUrl.UrlSet toUrlSet() {
    return new UploadMediaByUrl.UrlSet(sourceUrl, fileExtension(), fileName, title, tags, callbackArgs);
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
