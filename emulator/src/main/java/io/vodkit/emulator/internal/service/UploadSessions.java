package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.db.UploadSession;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.internal.security.UploadTokenClaims;
import io.vodkit.emulator.internal.security.UploadTokens;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** ApplyUploadInfo: validates the target, records a session and mints the gateway token. */
public final class UploadSessions {

    /** ApplyUploadInfo input; {@code fileName}, {@code fileExtension} and {@code sessionKey} may be null. */
    public record ApplyRequest(
            String spaceName, String fileName, String fileExtension, String sessionKey, long storageClass) {}

    /** What the client needs to upload: where, with which token, and the SessionKey to commit. */
    public record UploadGrant(String sessionKey, String storeUri, String auth, List<String> uploadHosts) {}

    private final Spaces spaces;
    private final UploadSessionRepository sessions;
    private final SessionOpener opener;
    private final UploadTokens tokens;
    private final Clock clock;
    private final List<String> configuredUploadHosts;
    private final PublicAddress address;

    public UploadSessions(
            Spaces spaces,
            UploadSessionRepository sessions,
            SessionOpener opener,
            UploadTokens tokens,
            Clock clock,
            List<String> configuredUploadHosts,
            PublicAddress address) {
        this.spaces = spaces;
        this.sessions = sessions;
        this.opener = opener;
        this.tokens = tokens;
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
        SessionOpener.validate(request.fileName(), request.fileExtension());
        UploadSession session = reusable(request, space)
                .orElseGet(() -> opener.open(space, request.fileName(), request.fileExtension()));
        opener.storageClass(session.sessionKey(), request.storageClass());
        UploadTokenClaims claims = new UploadTokenClaims(
                space,
                session.storeUri(),
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

    private List<String> uploadHosts() {
        return configuredUploadHosts.isEmpty() ? List.of(address.hostPort()) : configuredUploadHosts;
    }

    /**
     * The hosts of the Main, Backup and Fallback candidate addresses: every name of the gateway, each list starting
     * with a different one where there are several. The names are the upload hosts, and when they are the default
     * {@code 127.0.0.1:<port>} also {@code localhost:<port>} (the emulator's choice: distinct names, one gateway, so
     * failing over is real but always lands on this emulator).
     */
    public List<List<String>> candidateHosts() {
        List<String> names = new ArrayList<>(uploadHosts());
        if (configuredUploadHosts.isEmpty()) {
            String hostPort = address.hostPort();
            int colon = hostPort.lastIndexOf(':');
            String host = hostPort.substring(0, colon);
            if (host.equals("127.0.0.1")) {
                names.add("localhost" + hostPort.substring(colon));
            }
        }
        List<List<String>> candidates = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<String> rotated = new ArrayList<>(names);
            Collections.rotate(rotated, -(i % names.size()));
            candidates.add(List.copyOf(rotated));
        }
        return List.copyOf(candidates);
    }
}
