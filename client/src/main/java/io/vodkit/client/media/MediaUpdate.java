package io.vodkit.client.media;

/**
 * UpdateMediaInfo's fields (media-management.md A7): {@code null} leaves a field unchanged, {@code ""} clears it
 * (for {@code classificationId}, 0 makes the media unclassified).
 *
 * @param tags comma-separated
 */
public record MediaUpdate(String title, String description, String tags, String category, Long classificationId,
                          String posterUri) {

  public MediaUpdate {
    MediaLimits.checkTitle(title);
    MediaLimits.checkDescription(description);
    MediaLimits.checkTags(tags);
    if (classificationId != null && classificationId < 0) {
      throw new IllegalArgumentException("a classification id is 0 or positive, got " + classificationId);
    }
  }

  /** Whether any field is to change. */
  public boolean isEmpty() {
    return title == null && description == null && tags == null && category == null && classificationId == null
        && posterUri == null;
  }
}
