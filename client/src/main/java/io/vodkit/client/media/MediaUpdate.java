package io.vodkit.client.media;

import io.vodkit.client.limits.Limits;

/**
 * UpdateMediaInfo's fields (media-management.md A7): {@code null} leaves a field unchanged, {@code ""} clears it
 * (for {@code classificationId}, 0 makes the media unclassified). Checked against the {@link Limits} when made.
 *
 * @param tags comma-separated
 */
public record MediaUpdate(
        String title, String description, String tags, String category, Long classificationId, String posterUri) {

    public MediaUpdate {
        Limits.TITLE.check(title);
        Limits.DESCRIPTION.check(description);
        Limits.TAGS.check(tags);
        if (category != null && !category.isEmpty()) {
            Limits.CATEGORY.check(category);
        }
        Limits.CLASSIFICATION_ID.check(classificationId);
    }

    /** Whether any field is to change. */
    public boolean isEmpty() {
        return title == null
                && description == null
                && tags == null
                && category == null
                && classificationId == null
                && posterUri == null;
    }
}
