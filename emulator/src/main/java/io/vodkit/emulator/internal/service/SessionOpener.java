package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.db.UploadSession;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * Opens upload sessions: the FileName an upload will be stored under (given, or a generated stem plus the
 * extension) and the SessionKey CommitUploadInfo later turns into a Vid. Used by ApplyUploadInfo and by URL pulls.
 */
public final class SessionOpener {
    private final UploadSessionRepository sessions;
    private final ObjectRepository objects;
    private final Ids ids;
    private final Clock clock;

    public SessionOpener(UploadSessionRepository sessions, ObjectRepository objects, Ids ids, Clock clock) {
        this.sessions = sessions;
        this.objects = objects;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Validates {@code fileName} and {@code fileExtension} (either may be null) and records a new session in
     * {@code space}, which must be known.
     *
     * @throws io.vodkit.emulator.internal.api.ApiException INVALID_PARAMETER for a bad name, FILE_NAME_IN_USE when another
     *                                             space owns the FileName, FILE_NAME_COMMITTED when it holds a Vid
     */
    public UploadSession open(String space, String fileName, String fileExtension) {
        validate(fileName, fileExtension);
        String name = fileName != null ? fileName : ids.fileNameStem() + (fileExtension == null ? "" : fileExtension);
        Optional<StoredObject> existing = objects.findByFileName(name);
        if (existing.isPresent() && !existing.get().spaceName().equals(space)) {
            throw ApiError.FILE_NAME_IN_USE.exception(name, existing.get().spaceName());
        }
        sessions.committedVidOf(Spaces.storeUri(space, name)).ifPresent(vid -> {
            throw ApiError.FILE_NAME_COMMITTED.exception(name, vid);
        });
        UploadSession session =
                new UploadSession(ids.sessionKey(), space, Spaces.storeUri(space, name), name, clock.instant(), null);
        sessions.insert(session);
        return session;
    }

    /**
     * Records the integer StorageClass of ApplyUploadInfo or a URLSet (1 standard, 2 archive, 3 IA; 0 = default)
     * for the media the session becomes.
     */
    public void storageClass(String sessionKey, long storageClass) {
        if (storageClass != 0) {
            sessions.setStorageClass(sessionKey, storageClassName(storageClass));
        }
    }

    /** STANDARD, ARCHIVE or IA for 1, 2 or 3 (media-management.md A14.2); INVALID_PARAMETER for anything else. */
    static String storageClassName(long storageClass) {
        return switch ((int) storageClass) {
            case 1 -> "STANDARD";
            case 2 -> "ARCHIVE";
            case 3 -> "IA";
            default -> throw ApiError.INVALID_PARAMETER.exception("StorageClass", storageClass, "must be 1, 2 or 3");
        };
    }

    /** Checks a FileName and a FileExtension (either may be null) against {@link FileNameRules}. */
    public static void validate(String fileName, String fileExtension) {
        if (fileExtension != null) {
            FileNameRules.validateExtension(fileExtension);
        }
        if (fileName != null) {
            FileNameRules.validateFileName(fileName);
        }
    }
}
