package io.vodkit.emulator.internal.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.MediaInfo;
import io.vodkit.emulator.internal.api.MediaResults;
import io.vodkit.emulator.internal.api.NestedJson;
import io.vodkit.emulator.internal.db.MediaRepository;
import io.vodkit.emulator.internal.service.Limits;
import io.vodkit.emulator.internal.service.MediaCommitter;
import io.vodkit.emulator.internal.service.MediaLibrary;
import io.vodkit.emulator.internal.service.Spaces;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The media-management actions (media-management.md A4–A10): GetMediaInfos, GetMediaList, UpdateMediaInfo,
 * UpdateMediaStorageClass, DeleteMedia and DeleteMediaTosFile, with the limits of A1 and the errors of A16.
 */
public final class MediaActions {
    private static final Set<String> STATUSES = Set.of(MediaRepository.PUBLISHED, MediaRepository.UNPUBLISHED);
    /** GetMediaList's default StartTime (A5). */
    private static final Instant EARLIEST = Instant.parse("1999-01-01T00:00:00Z");

    private final MediaLibrary library;
    private final Spaces spaces;
    private final Clock clock;

    public MediaActions(MediaLibrary library, Spaces spaces, Clock clock) {
        this.library = library;
        this.spaces = spaces;
        this.clock = clock;
    }

    /** {@code Vids} ≤ 20 → {@code MediaInfoList} in request order, unknown Vids in {@code NotExistVids}. */
    public ActionHandler getMediaInfos() {
        return params -> {
            List<String> vids = vids(params);
            List<MediaInfo> found = library.infos(vids);
            List<String> missing = new ArrayList<>(vids);
            found.forEach(info -> missing.remove(info.basicInfo().vid()));
            return new MediaResults.Infos(found, missing);
        };
    }

    /** {@code SpaceName} and the filters of A5; {@code Offset} ≤ 10000, {@code PageSize} 1–100 (default 10). */
    public ActionHandler getMediaList() {
        return params -> {
            String space = spaces.requireKnown(params.requireText("SpaceName"));
            List<String> statuses = params.list("Status");
            statuses.stream()
                    .filter(status -> !STATUSES.contains(status))
                    .findFirst()
                    .ifPresent(status -> {
                        throw ApiError.INVALID_PARAMETER.exception(
                                "Status", status, "must be Published or Unpublished");
                    });
            String order = params.text("Order").orElse("Desc");
            if (!order.equals("Asc") && !order.equals("Desc")) {
                throw ApiError.INVALID_PARAMETER.exception("Order", order, "must be Asc or Desc");
            }
            List<Long> classifications = params.list("ClassificationIds").stream()
                    .map(id -> wholeNumber("ClassificationIds", id))
                    .toList();
            if (classifications.size() > Limits.MAX_VIDS) {
                throw ApiError.ITEM_LIMIT_EXCEEDED.exception("ClassificationIds", Limits.MAX_VIDS);
            }
            List<String> storageClasses = params.list("TosStorageClasses").stream()
                    .map(c -> MediaLibrary.storageClass("TosStorageClasses", c))
                    .toList();
            int offset = bounded(params, "Offset", 0, 0, Limits.MAX_OFFSET);
            int pageSize = bounded(params, "PageSize", Limits.DEFAULT_PAGE_SIZE, 1, Limits.MAX_PAGE_SIZE);
            Instant from = time(params, "StartTime").orElse(EARLIEST);
            Instant to = time(params, "EndTime").orElse(clock.instant());
            MediaLibrary.Page page = library.list(
                    new MediaLibrary.Query(
                            space,
                            params.text("Vid").orElse(null),
                            statuses,
                            params.list("Tags"),
                            classifications,
                            storageClasses,
                            params.list("VodUploadSources"),
                            from,
                            to,
                            order.equals("Asc")),
                    offset,
                    pageSize);
            return new MediaResults.Page(space, page.media(), page.total(), offset, pageSize);
        };
    }

    /**
     * {@code Vid} and the wrappers of A7: absent = unchanged, present and empty = cleared. No Result.
     * {@code Category} is accepted as well (the emulator's choice: A7 does not list it, AddOptionInfo sets it).
     */
    public ActionHandler updateMediaInfo() {
        return params -> {
            String vid = params.requireText("Vid");
            Optional<String> title = params.given("Title");
            Optional<String> description = params.given("Description");
            Optional<String> tags = params.given("Tags");
            title.filter(t -> t.length() > Limits.MAX_TITLE_CHARS).ifPresent(t -> {
                throw ApiError.INVALID_PARAMETER.exception(
                        "Title", t, "longer than " + Limits.MAX_TITLE_CHARS + " characters");
            });
            description.filter(d -> d.length() > Limits.MAX_DESCRIPTION_CHARS).ifPresent(d -> {
                throw ApiError.INVALID_PARAMETER.exception(
                        "Description", d, "longer than " + Limits.MAX_DESCRIPTION_CHARS + " characters");
            });
            tags.filter(t -> MediaLibrary.splitTags(t).size() > Limits.MAX_TAGS).ifPresent(t -> {
                throw ApiError.ITEM_LIMIT_EXCEEDED.exception("Tags", Limits.MAX_TAGS);
            });
            Optional<Long> classification =
                    params.given("ClassificationId").map(id -> id.isBlank() ? 0L : wholeNumber("ClassificationId", id));
            library.update(
                    vid,
                    new MediaLibrary.Update(
                            title,
                            description,
                            tags,
                            params.given("Category"),
                            classification,
                            params.given("PosterUri")));
            return null;
        };
    }

    /** {@code Vids} ≤ 20 and {@code StorageClass} STANDARD|ARCHIVE|IA → {@code NotExistVids}. */
    public ActionHandler updateMediaStorageClass() {
        return params -> {
            List<String> vids = vids(params);
            String storageClass = MediaLibrary.storageClass("StorageClass", params.requireText("StorageClass"));
            return new MediaResults.NotExist(library.changeStorageClass(vids, storageClass));
        };
    }

    /** {@code Vids} ≤ 20, {@code CallbackArgs} ≤ 512 bytes (echoed by DeleteMediaComplete) → {@code NotExistVids}. */
    public ActionHandler deleteMedia() {
        return params -> {
            List<String> vids = vids(params);
            String callbackArgs = params.text("CallbackArgs").orElse("");
            MediaCommitter.checkCallbackArgs(callbackArgs);
            return new MediaResults.NotExist(library.delete(vids, callbackArgs));
        };
    }

    /** {@code SpaceName} and {@code FileNames} (JSON array, as an array or as JSON text) ≤ 1000. */
    public ActionHandler deleteMediaTosFile() {
        return params -> {
            String space = spaces.requireKnown(params.requireText("SpaceName"));
            JsonNode names = NestedJson.structure("FileNames", params.raw("FileNames"))
                    .orElseThrow(() -> ApiError.MISSING_PARAMETER.exception("FileNames"));
            if (!names.isArray()) {
                throw ApiError.INVALID_PARAMETER.exception("FileNames", names, "must be a JSON array");
            }
            if (names.size() > Limits.MAX_FILE_NAMES) {
                throw ApiError.ITEM_LIMIT_EXCEEDED.exception("FileNames", Limits.MAX_FILE_NAMES);
            }
            List<String> fileNames = new ArrayList<>();
            names.forEach(name -> fileNames.add(name.asText().strip()));
            if (fileNames.isEmpty() || fileNames.contains("")) {
                throw ApiError.INVALID_PARAMETER.exception("FileNames", names, "must name at least one file");
            }
            return new MediaResults.FailedFiles(library.deleteFiles(space, fileNames));
        };
    }

    private static List<String> vids(Params params) {
        List<String> vids = params.list("Vids");
        if (vids.isEmpty()) {
            throw ApiError.MISSING_PARAMETER.exception("Vids");
        }
        if (vids.size() > Limits.MAX_VIDS) {
            throw ApiError.ITEM_LIMIT_EXCEEDED.exception("Vids", Limits.MAX_VIDS);
        }
        return vids;
    }

    private static int bounded(Params params, String name, int fallback, int min, int max) {
        Optional<String> text = params.text(name);
        if (text.isEmpty()) {
            return fallback;
        }
        long value = wholeNumber(name, text.get());
        if (value < min || value > max) {
            throw ApiError.INVALID_PARAMETER.exception(name, text.get(), "must be between " + min + " and " + max);
        }
        return (int) value;
    }

    private static long wholeNumber(String name, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw ApiError.INVALID_PARAMETER.exception(name, text, "not a whole number");
        }
    }

    /** An ISO-8601 time such as {@code 2024-01-01T00:00:00Z} (an offset instead of Z is accepted). */
    private static Optional<Instant> time(Params params, String name) {
        return params.text(name).map(text -> {
            try {
                return OffsetDateTime.parse(text.strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw ApiError.INVALID_PARAMETER.exception(
                        name, text, "must be an ISO-8601 time like " + "2024-01-01T00:00:00Z");
            }
        });
    }
}
