package io.vodkit.emulator.service;

import io.vodkit.emulator.api.ApiError;
import io.vodkit.emulator.db.ObjectRepository;
import io.vodkit.emulator.db.StoredObject;
import io.vodkit.emulator.db.UploadSession;
import io.vodkit.emulator.db.UploadSessionRepository;
import io.vodkit.emulator.security.UploadTokenClaims;
import io.vodkit.emulator.security.UploadTokens;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** ApplyUploadInfo: validates the target, records a session and mints the gateway token. */
public final class UploadSessions {

    /** ApplyUploadInfo input; {@code fileName}, {@code fileExtension} and {@code sessionKey} may be null. */
    public record ApplyRequest(String spaceName, String fileName, String fileExtension, String sessionKey) {
    }

    /** What the client needs to upload: where, with which token, and the SessionKey to commit. */
    public record UploadGrant(String sessionKey, String storeUri, String auth, List<String> uploadHosts) {
    }

    private final Spaces spaces;
    private final UploadSessionRepository sessions;
    private final ObjectRepository objects;
    private final UploadTokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final List<String> configuredUploadHosts;
    private final PublicAddress address;

    public UploadSessions(Spaces spaces, UploadSessionRepository sessions, ObjectRepository objects,
                          UploadTokens tokens, Ids ids, Clock clock, List<String> configuredUploadHosts,
                          PublicAddress address) {
        this.spaces = spaces;
        this.sessions = sessions;
        this.objects = objects;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.configuredUploadHosts = List.copyOf(configuredUploadHosts);
        this.address = address;
    }

    /**
     * Grants an upload. A SessionKey from an earlier, uncommitted grant in the same space (and for the same FileName
     * when one is given) is reused with a fresh token, as the spec recommends for retries; otherwise a new session
     * is created.
     */
    public UploadGrant apply(ApplyRequest request) {
        String space = spaces.requireKnown(request.spaceName());
        if (request.fileExtension() != null) {
            FileNameRules.validateExtension(request.fileExtension());
        }
        if (request.fileName() != null) {
            FileNameRules.validateFileName(request.fileName());
        }
        UploadSession session = reusable(request, space).orElseGet(() -> newSession(request, space));
        UploadTokenClaims claims = new UploadTokenClaims(space, session.storeUri(),
                clock.instant().plus(Limits.UPLOAD_TOKEN_LIFETIME).getEpochSecond());
        return new UploadGrant(session.sessionKey(), session.storeUri(), tokens.mint(claims), uploadHosts());
    }

    private Optional<UploadSession> reusable(ApplyRequest request, String space) {
        if (request.sessionKey() == null) {
            return Optional.empty();
        }
        return sessions.find(request.sessionKey())
                .filter(s -> s.spaceName().equals(space) && s.committedVid() == null)
                .filter(s -> request.fileName() == null || s.fileName().equals(request.fileName()));
    }

    private UploadSession newSession(ApplyRequest request, String space) {
        String fileName = request.fileName() != null
                ? request.fileName()
                : ids.fileNameStem() + (request.fileExtension() == null ? "" : request.fileExtension());
        Optional<StoredObject> existing = objects.findByFileName(fileName);
        if (existing.isPresent() && !existing.get().spaceName().equals(space)) {
            throw ApiError.FILE_NAME_IN_USE.exception(fileName, existing.get().spaceName());
        }
        UploadSession session = new UploadSession(ids.sessionKey(), space, Spaces.storeUri(space, fileName),
                fileName, clock.instant(), null);
        sessions.insert(session);
        return session;
    }

    private List<String> uploadHosts() {
        return configuredUploadHosts.isEmpty() ? List.of(address.hostPort()) : configuredUploadHosts;
    }
}
