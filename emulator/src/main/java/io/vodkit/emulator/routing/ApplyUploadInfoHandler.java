package io.vodkit.emulator.routing;

import io.vodkit.emulator.api.ApiError;
import io.vodkit.emulator.api.ApplyUploadInfoResult;
import io.vodkit.emulator.service.UploadSessions;
import java.util.List;
import java.util.Set;

/** ApplyUploadInfo (spec §5): SpaceName, FileName | FileExtension, FileType, StorageClass, FileSize, SessionKey. */
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
        UploadSessions.UploadGrant grant = sessions.apply(new UploadSessions.ApplyRequest(space,
                params.text("FileName").orElse(null),
                params.text("FileExtension").orElse(null),
                params.text("SessionKey").orElse(null), params.integer("StorageClass").orElse(0L)));
        return new ApplyUploadInfoResult(new ApplyUploadInfoResult.Data(new ApplyUploadInfoResult.UploadAddress(
                List.of(new ApplyUploadInfoResult.StoreInfo(grant.storeUri(), grant.auth())),
                grant.uploadHosts(), List.of(), grant.sessionKey())));
    }
}
