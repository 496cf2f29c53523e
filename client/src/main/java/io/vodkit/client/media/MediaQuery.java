package io.vodkit.client.media;

import io.vodkit.client.limits.Limits;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * GetMediaList filters (media-management.md A5). Empty lists and {@code null}s filter nothing; a list matches any
 * of its values.
 *
 * @param statuses          {@code Published} / {@code Unpublished}
 * @param tags              media carrying any of these tags
 * @param classificationIds 0 = unclassified; at most {@value Limits#MAX_VIDS}
 * @param storageClasses    {@code STANDARD}, {@code ARCHIVE}, {@code IA}
 * @param startTime         created at or after, or null
 * @param endTime           created at or before, or null
 * @param ascending         oldest first (the service's default is newest first)
 */
public record MediaQuery(
        List<String> statuses,
        List<String> tags,
        List<Long> classificationIds,
        List<String> storageClasses,
        Instant startTime,
        Instant endTime,
        boolean ascending) {

    public static final MediaQuery ALL = new MediaQuery(List.of(), List.of(), List.of(), List.of(), null, null, false);

    public MediaQuery {
        statuses = List.copyOf(statuses);
        tags = List.copyOf(tags);
        classificationIds = List.copyOf(classificationIds);
        storageClasses = List.copyOf(storageClasses);
        statuses.forEach(Limits.PUBLISH_STATUS::check);
        storageClasses.forEach(Limits.STORAGE_CLASS::check);
        if (classificationIds.size() > Limits.MAX_VIDS) {
            throw new IllegalArgumentException(
                    "at most " + Limits.MAX_VIDS + " classification ids, got " + classificationIds.size());
        }
        if (startTime != null && endTime != null && startTime.isAfter(endTime)) {
            throw new IllegalArgumentException("the start time " + startTime + " is after the end time " + endTime);
        }
        Objects.requireNonNull(statuses);
    }
}
