package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.ApplyUploadInfoResult;
import io.vodkit.emulator.internal.service.UploadSessions;
import java.util.List;
import java.util.Set;

/**
 * ApplyUploadInfo (spec §5): SpaceName, FileName | FileExtension, FileType, StorageClass, FileSize, SessionKey; with
 * {@code NeedFallback} (spec §5.1, §5.3) also {@code CandidateUploadAddresses}: the same upload (StoreUri, Auth,
 * SessionKey) reachable through Main, Backup and Fallback hosts that each lead to this emulator's gateway.
 */
public final class ApplyUploadInfoHandler implements ActionHandler {
    private static final Set<String> FILE_TYPES = Set.of("media", "image", "object");

    private final UploadSessions sessions;

    public ApplyUploadInfoHandler(UploadSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Object handle(Params params) {
        String space = params.requireText("SpaceName");
        params.text("FileType").filter(type -> !FILE_TYPES.contains(type)).ifPresent(type -> {
            throw ApiError.INVALID_PARAMETER.exception("FileType", type, "must be media, image or object");
        });
        params.integer("StorageClass").filter(c -> c < 1 || c > 3).ifPresent(c -> {
            throw ApiError.INVALID_PARAMETER.exception("StorageClass", c, "must be 1, 2 or 3");
        });
        params.number("FileSize").filter(size -> size < 0).ifPresent(size -> {
            throw ApiError.INVALID_PARAMETER.exception("FileSize", size, "must not be negative");
        });
        UploadSessions.UploadGrant grant = sessions.apply(new UploadSessions.ApplyRequest(
                space,
                params.text("FileName").orElse(null),
                params.text("FileExtension").orElse(null),
                params.text("SessionKey").orElse(null),
                params.integer("StorageClass").orElse(0L)));
        ApplyUploadInfoResult.CandidateUploadAddresses candidates = null;
        if (params.flag("NeedFallback")) {
            List<List<String>> hosts = sessions.candidateHosts();
            candidates = new ApplyUploadInfoResult.CandidateUploadAddresses(
                    List.of(address(grant, hosts.get(0))),
                    List.of(address(grant, hosts.get(1))),
                    List.of(address(grant, hosts.get(2))));
        }
        return new ApplyUploadInfoResult(
                new ApplyUploadInfoResult.Data(address(grant, grant.uploadHosts()), candidates));
    }

    private static ApplyUploadInfoResult.UploadAddress address(UploadSessions.UploadGrant grant, List<String> hosts) {
        return new ApplyUploadInfoResult.UploadAddress(
                List.of(new ApplyUploadInfoResult.StoreInfo(grant.storeUri(), grant.auth())),
                hosts,
                List.of(),
                grant.sessionKey());
    }
}
