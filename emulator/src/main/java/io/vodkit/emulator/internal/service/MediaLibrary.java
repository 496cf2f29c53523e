package io.vodkit.emulator.internal.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.api.MediaInfo;
import io.vodkit.emulator.internal.callback.CallbackEvents;
import io.vodkit.emulator.internal.db.ExecutionRepository;
import io.vodkit.emulator.internal.db.MediaEntry;
import io.vodkit.emulator.internal.db.MediaRecord;
import io.vodkit.emulator.internal.db.MediaRepository;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.internal.db.WorkflowRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media of the spaces as the media-management actions see them (media-management.md A4–A10): reads them as
 * {@link MediaInfo}, lists and filters them, updates what UpdateMediaInfo and UpdateMediaStorageClass change, and
 * deletes media (record, source object, poster and restoration outputs) or single stored files.
 */
public final class MediaLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);
    public static final Set<String> STORAGE_CLASSES = Set.of("STANDARD", "ARCHIVE", "IA");

    /** GetMediaList's filters; empty lists and nulls filter nothing. */
    public record Query(
            String space,
            String vid,
            List<String> statuses,
            List<String> tags,
            List<Long> classificationIds,
            List<String> storageClasses,
            List<String> uploadSources,
            Instant from,
            Instant to,
            boolean ascending) {}

    /** One page of matches and how many matched in all. */
    public record Page(List<MediaInfo> media, int total) {}

    /** UpdateMediaInfo: an empty Optional leaves the field as it is; a present empty text clears it. */
    public record Update(
            Optional<String> title,
            Optional<String> description,
            Optional<String> tags,
            Optional<String> category,
            Optional<Long> classificationId,
            Optional<String> posterUri) {}

    private final MediaRepository media;
    private final ObjectRepository objects;
    private final SourceOutputs outputs;
    private final ObjectMd5s md5s;
    private final ExecutionRepository executions;
    private final WorkflowRepository workflows;
    private final UploadSessionRepository sessions;
    private final CallbackEvents events;

    /** @param outputs removes sources, stopping the restorations and workflow runs reading them */
    public MediaLibrary(
            MediaRepository media,
            ObjectRepository objects,
            SourceOutputs outputs,
            ObjectMd5s md5s,
            ExecutionRepository executions,
            WorkflowRepository workflows,
            UploadSessionRepository sessions,
            CallbackEvents events) {
        this.media = media;
        this.objects = objects;
        this.outputs = outputs;
        this.md5s = md5s;
        this.executions = executions;
        this.workflows = workflows;
        this.sessions = sessions;
        this.events = events;
    }

    /** The media of each Vid that exists, in the order asked. */
    public List<MediaInfo> infos(List<String> vids) {
        return vids.stream()
                .map(media::findEntry)
                .flatMap(Optional::stream)
                .map(entry -> info(entry, true))
                .toList();
    }

    /** Every match of {@code query}, then the window [{@code offset}, {@code offset + pageSize}). */
    public Page list(Query query, int offset, int pageSize) {
        List<MediaEntry> rows = media.listSpace(
                query.space(), query.from(), query.to(), query.ascending(), query.statuses(), query.storageClasses());
        Predicate<MediaEntry> matches = entry -> (query.vid() == null
                        || entry.media().vid().equals(query.vid()))
                && (query.uploadSources().isEmpty() || query.uploadSources().contains(entry.uploadSource()))
                && (query.tags().isEmpty()
                        || tags(options(entry.media())).stream().anyMatch(query.tags()::contains))
                && (query.classificationIds().isEmpty()
                        || query.classificationIds().contains(classificationId(options(entry.media()))));
        List<MediaEntry> matching = rows.stream().filter(matches).toList();
        List<MediaInfo> window = matching.stream()
                .skip(offset)
                .limit(pageSize)
                .map(entry -> info(entry, false))
                .toList();
        return new Page(window, matching.size());
    }

    /** Applies {@code update} to {@code vid}; MEDIA_NOT_FOUND for an unknown Vid. */
    public void update(String vid, Update update) {
        MediaRecord record = media.find(vid).orElseThrow(() -> ApiError.MEDIA_NOT_FOUND.exception(vid));
        ObjectNode options = options(record);
        update.title().ifPresent(title -> options.put("Title", title));
        update.description().ifPresent(description -> options.put("Description", description));
        update.tags().ifPresent(tags -> options.put("Tags", String.join(",", splitTags(tags))));
        update.category().ifPresent(category -> options.put("Category", category));
        update.classificationId().ifPresent(id -> options.put("ClassificationId", id));
        media.updateInfo(vid, Json.text(options), update.posterUri().orElse(record.posterUri()));
    }

    /** Sets the storage class of each Vid that exists; returns the Vids that do not. */
    public List<String> changeStorageClass(List<String> vids, String storageClass) {
        return vids.stream()
                .filter(vid -> !media.updateStorageClass(vid, storageClass))
                .toList();
    }

    /** {@link #delete(List, String)} without CallbackArgs. */
    public List<String> delete(List<String> vids) throws IOException {
        return delete(vids, "");
    }

    /**
     * Deletes each Vid that exists with its source object, poster, restoration and workflow outputs, so their
     * play URLs answer 404, and frees its FileName for a new upload; a restoration or workflow run still reading the
     * source is stopped, and what it would have stored is never stored. Sends DeleteMediaComplete for each, with the
     * FileNames removed and {@code callbackArgs}. Returns the Vids that do not exist.
     */
    public List<String> delete(List<String> vids, String callbackArgs) throws IOException {
        List<String> notExist = new ArrayList<>();
        for (String vid : vids) {
            Optional<MediaRecord> record = media.find(vid);
            if (record.isEmpty()
                    || !outputs.whileSourceHeld(record.get().fileName(), () -> remove(record.get(), callbackArgs))) {
                notExist.add(vid);
            }
        }
        return List.copyOf(notExist);
    }

    /** Removes {@code record} and every file made for it; false when it was deleted meanwhile. */
    private boolean remove(MediaRecord record, String callbackArgs) throws IOException {
        String vid = record.vid();
        if (!media.delete(vid)) {
            return false;
        }
        List<String> fileNames = new ArrayList<>();
        fileNames.add(record.fileName());
        if (!record.posterUri().isEmpty()) {
            fileNames.add(Spaces.fileNameOf(record.posterUri()));
        }
        executions.outputStoreUrisOf(vid).stream().map(Spaces::fileNameOf).forEach(fileNames::add);
        workflows.transcodes(vid).forEach(transcode -> fileNames.add(transcode.fileName()));
        workflows.deleteTranscodes(vid);
        sessions.forgetDeleted(vid);
        List<String> removed = new ArrayList<>();
        for (String fileName : fileNames) {
            outputs.removeSource(fileName).ifPresent(object -> removed.add(fileName));
        }
        LOG.info("Deleted media vid={} files={}", vid, removed.size());
        events.mediaDeleted(record.spaceName(), vid, removed, callbackArgs);
        return true;
    }

    /**
     * Deletes stored files of {@code space} by FileName (the Vid records stay, A10); a name that is not stored
     * counts as deleted, one of another space fails. Returns the names that failed.
     */
    public List<String> deleteFiles(String space, List<String> fileNames) throws IOException {
        List<String> failed = new ArrayList<>();
        for (String fileName : fileNames) {
            Optional<StoredObject> object = objects.findByFileName(fileName);
            if (object.isPresent() && !object.get().spaceName().equals(space)) {
                failed.add(fileName);
            } else if (object.isPresent()) {
                outputs.whileSourceHeld(fileName, () -> outputs.removeSource(fileName));
            }
        }
        return List.copyOf(failed);
    }

    /** Splits a comma list of tags, trimmed, empties and repeats dropped. */
    public static List<String> splitTags(String tags) {
        return List.copyOf(Arrays.stream(tags.split(","))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /**
     * @param computeMd5 whether an MD5 not known yet is computed now (GetMediaInfos asks for given Vids); a listing
     *     reports only the MD5s already known, so a page of large uploads never waits for their hashing
     */
    private MediaInfo info(MediaEntry entry, boolean computeMd5) {
        MediaRecord record = entry.media();
        ObjectNode options = options(record);
        long classificationId = classificationId(options);
        MediaInfo.Classification classification = classificationId == 0
                ? null
                : new MediaInfo.Classification(record.spaceName(), classificationId, 1, "", 0);
        String category = options.path("Category").asText("");
        long recordType = options.path("RecordType").asLong(0);
        ObjectNode source = (ObjectNode) parse(record.sourceInfoJson(), record.vid());
        source.put("TosStorageClass", entry.storageClass());
        md5s.fill(source, record.fileName(), computeMd5);
        MediaInfo.BasicInfo basic = new MediaInfo.BasicInfo(
                record.spaceName(),
                record.vid(),
                options.path("Title").asText(""),
                options.path("Description").asText(""),
                record.posterUri(),
                entry.publishStatus(),
                tags(options),
                record.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                classification,
                entry.storageClass(),
                entry.uploadSource(),
                category.isEmpty() ? null : category,
                recordType == 0 ? null : (int) recordType);
        List<JsonNode> transcodes = workflows.transcodes(record.vid()).stream()
                .map(transcode -> parse(transcode.infoJson(), record.vid()))
                .toList();
        return new MediaInfo(basic, source, transcodes);
    }

    private static List<String> tags(JsonNode options) {
        return splitTags(options.path("Tags").asText(""));
    }

    /** The ClassificationId of AddOptionInfo (a number or numeric text), 0 for none. */
    private static long classificationId(JsonNode options) {
        JsonNode id = options.get("ClassificationId");
        if (id == null || id.isNull()) {
            return 0;
        }
        try {
            return id.isNumber() ? id.asLong() : Long.parseLong(id.asText().strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ObjectNode options(MediaRecord record) {
        JsonNode options = parse(record.optionsJson(), record.vid());
        return options.isObject() ? (ObjectNode) options : JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode parse(String json, String vid) {
        try {
            return Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored media " + vid + " is unreadable", e);
        }
    }

    /** {@code STANDARD}, {@code ARCHIVE} or {@code IA} in any case, upper-cased; INVALID_PARAMETER otherwise. */
    public static String storageClass(String parameter, String value) {
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!STORAGE_CLASSES.contains(upper)) {
            throw ApiError.INVALID_PARAMETER.exception(parameter, value, "must be STANDARD, ARCHIVE or IA");
        }
        return upper;
    }
}
