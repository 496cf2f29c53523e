package io.vodkit.emulator.internal.callback;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event names SetCallbackEvent accepts (BytePlus reference-setcallbackevent and the event pages of
 * media-management.md A15.3), each with the {@code EventType} its callbacks carry. {@code TranscodeComplete} is the
 * name SetCallbackEvent documents for workflow completion; its callbacks are {@code WorkflowComplete} (the event
 * page's name), which is accepted too. The emulator sends the first six; MaterialUploadComplete,
 * DeleteTranscodesComplete, VideoTrackComplete and UpdateMediaStorageClassComplete are accepted, so that a real
 * configuration works, and never happen here.
 */
public enum EventType {
    FILE_UPLOAD_COMPLETE("FileUploadComplete"),
    FILE_UPLOAD_BY_URL_COMPLETE("FileUploadByUrlComplete"),
    UPLOAD_GET_META_COMPLETE("UploadGetMetaComplete"),
    DELETE_MEDIA_COMPLETE("DeleteMediaComplete"),
    WORKFLOW_COMPLETE("WorkflowComplete", "TranscodeComplete"),
    EXECUTION_COMPLETE("ExecutionComplete"),
    MATERIAL_UPLOAD_COMPLETE("MaterialUploadComplete"),
    DELETE_TRANSCODES_COMPLETE("DeleteTranscodesComplete"),
    VIDEO_TRACK_COMPLETE("VideoTrackComplete"),
    UPDATE_MEDIA_STORAGE_CLASS_COMPLETE("UpdateMediaStorageClassComplete");

    private final String eventType;
    private final List<String> names;

    EventType(String eventType, String... aliases) {
        this.eventType = eventType;
        this.names = Stream.concat(Stream.of(eventType), Arrays.stream(aliases)).toList();
    }

    /** The {@code EventType} of this event's callbacks, also the name it is stored under. */
    public String eventType() {
        return eventType;
    }

    /** The event a SetCallbackEvent name stands for (exact case), or empty. */
    public static Optional<EventType> named(String name) {
        return Arrays.stream(values()).filter(e -> e.names.contains(name)).findFirst();
    }

    /** Every name SetCallbackEvent accepts, for error messages. */
    public static List<String> acceptedNames() {
        return Arrays.stream(values()).flatMap(e -> e.names.stream()).toList();
    }
}
