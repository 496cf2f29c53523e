package io.vodkit.client.upload;

import io.vodkit.client.limits.Limits;
import io.vodkit.client.media.UploadMetadata;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One local file to upload: what goes where (how it goes is the uploader's {@link UploadConfig}).
 *
 * <pre>{@code
 * UploadRequest.of(file, "my_space").withMetadata(UploadMetadata.title("Intro")).withFileName("clips/intro.mp4")
 * }</pre>
 *
 * @param media     the file, inspected once (it exists, is readable, non-empty and has an extension)
 * @param spaceName the VOD space
 * @param metadata  what is stored with the media (title, tags, storage class, workflow, …); {@code null} for
 *                  none. It is checked here, before anything is sent
 * @param fileName  storage FileName (object key) to ask for, or {@code null} to let the service choose
 * @throws io.vodkit.client.limits.InvalidValueException for a value outside {@link Limits}
 */
public record UploadRequest(LocalMediaFile media, String spaceName, UploadMetadata metadata, String fileName) {

    public UploadRequest {
        Objects.requireNonNull(media, "media == null");
        Objects.requireNonNull(spaceName, "spaceName == null");
        if (spaceName.isBlank()) {
            throw new IllegalArgumentException("spaceName is blank");
        }
        Limits.FILE_NAME.check(fileName);
        metadata = metadata == null ? UploadMetadata.NONE : metadata.check(false);
    }

    /**
     * {@code file} to {@code spaceName}, without metadata, under a FileName the service chooses.
     *
     * @throws io.vodkit.client.VodException for a file that cannot be uploaded ({@link LocalMediaFile#inspect})
     */
    public static UploadRequest of(Path file, String spaceName) {
        return of(LocalMediaFile.inspect(file), spaceName);
    }

    /** An inspected file to {@code spaceName}, without metadata, under a FileName the service chooses. */
    public static UploadRequest of(LocalMediaFile media, String spaceName) {
        return new UploadRequest(media, spaceName, null, null);
    }

    /** This request with {@code metadata} stored with the media. */
    public UploadRequest withMetadata(UploadMetadata metadata) {
        return new UploadRequest(media, spaceName, metadata, fileName);
    }

    /** This request asking for the storage FileName {@code fileName} ({@code null}: the service chooses). */
    public UploadRequest withFileName(String fileName) {
        return new UploadRequest(media, spaceName, metadata, fileName);
    }

    /** The file. */
    public Path file() {
        return media.path();
    }
}
