package io.vodkit.client.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The service's limits on media management and media metadata (media-management.md A1, A7, A12, A13), checked
 * before a request is sent. Each check throws {@link IllegalArgumentException} with a message a user can act on.
 */
public final class MediaLimits {
  /** Vids per GetMediaInfos, DeleteMedia and UpdateMediaStorageClass call. */
  public static final int MAX_VIDS = 20;
  /** GetMediaList: largest PageSize and Offset. */
  public static final int MAX_PAGE_SIZE = 100;
  public static final int MAX_OFFSET = 10_000;
  /** FileNames per DeleteMediaTosFile call. */
  public static final int MAX_FILE_NAMES = 1000;
  /** Title and Description lengths (characters) at commit and in UpdateMediaInfo. */
  public static final int MAX_TITLE_CHARS = 512;
  public static final int MAX_DESCRIPTION_CHARS = 1024;
  /** Title and Description lengths in a URL pull's URLSet (A13). */
  public static final int MAX_URL_TITLE_CHARS = 128;
  public static final int MAX_URL_DESCRIPTION_CHARS = 256;
  /** A URLSet's Tags text, in characters (A13). */
  public static final int MAX_URL_TAGS_CHARS = 36;
  /** Tags per media (docs-limits). */
  public static final int MAX_TAGS = 16;
  public static final int MAX_CALLBACK_ARGS_BYTES = 512;
  public static final List<String> STORAGE_CLASSES = List.of("STANDARD", "ARCHIVE", "IA");
  public static final List<String> PUBLISH_STATUSES = List.of("Published", "Unpublished");
  /** Material categories (A14.4), required with RecordType 2. */
  public static final List<String> CATEGORIES = List.of("video", "audio", "image", "dynamic_img", "subtitle",
      "font");

  private MediaLimits() {
  }

  public static void checkVidCount(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("no Vid given");
    }
  }

  public static void checkPageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("the page size must be between 1 and " + MAX_PAGE_SIZE + ", got "
          + pageSize);
    }
  }

  public static void checkOffset(int offset) {
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException("the offset must be between 0 and " + MAX_OFFSET + ", got " + offset);
    }
  }

  /** null passes (not given). */
  public static void checkTitle(String title) {
    checkLength("title", title, MAX_TITLE_CHARS);
  }

  public static void checkDescription(String description) {
    checkLength("description", description, MAX_DESCRIPTION_CHARS);
  }

  /** A comma list of at most {@value #MAX_TAGS} tags; null passes. */
  public static void checkTags(String tags) {
    if (tags != null && splitTags(tags).size() > MAX_TAGS) {
      throw new IllegalArgumentException("at most " + MAX_TAGS + " tags per media, got " + splitTags(tags).size());
    }
  }

  public static void checkCallbackArgs(String callbackArgs) {
    if (callbackArgs != null && callbackArgs.getBytes(StandardCharsets.UTF_8).length > MAX_CALLBACK_ARGS_BYTES) {
      throw new IllegalArgumentException("callback args are at most " + MAX_CALLBACK_ARGS_BYTES
          + " bytes (UTF-8), got " + callbackArgs.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  /** {@code STANDARD}, {@code ARCHIVE} or {@code IA}, in any case; returns it upper-cased. */
  public static String checkStorageClass(String storageClass) {
    String upper = storageClass == null ? "" : storageClass.strip().toUpperCase(Locale.ROOT);
    if (!STORAGE_CLASSES.contains(upper)) {
      throw new IllegalArgumentException("the storage class must be standard, archive or ia, got " + storageClass);
    }
    return upper;
  }

  public static void checkPublishStatus(String status) {
    if (!PUBLISH_STATUSES.contains(status)) {
      throw new IllegalArgumentException("the publish status must be Published or Unpublished, got " + status);
    }
  }

  /** The tags of a comma list: trimmed, empty ones dropped. */
  public static List<String> splitTags(String tags) {
    return Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).distinct().toList();
  }

  static void checkLength(String what, String value, int max) {
    if (value != null && value.codePointCount(0, value.length()) > max) {
      throw new IllegalArgumentException("the " + what + " is at most " + max + " characters, got "
          + value.codePointCount(0, value.length()));
    }
  }
}
