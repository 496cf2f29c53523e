package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.GetStorageConfigResult;
import io.vodkit.emulator.internal.service.PlayDomain;
import io.vodkit.emulator.internal.service.Spaces;

/**
 * GetStorageConfig (spec §10.5, media-management A11): the space's objects are served by the play domain
 * ({@code StorageHost} with its scheme), type-A signed with the play domain's keys ({@code cdn_typea}, enabled).
 */
public final class GetStorageConfigHandler implements ActionHandler {
    static final String STORAGE_TYPE = "volc";
    static final String AUTH_TYPE = "cdn_typea";

    private final Spaces spaces;
    private final PlayDomain playDomain;

    public GetStorageConfigHandler(Spaces spaces, PlayDomain playDomain) {
        this.spaces = spaces;
        this.playDomain = playDomain;
    }

    @Override
    public Object handle(Params params) {
        spaces.requireKnown(params.requireText("SpaceName"));
        return new GetStorageConfigResult(
                STORAGE_TYPE,
                playDomain.origin(),
                new GetStorageConfigResult.UrlAuthConfig(
                        AUTH_TYPE,
                        "enable",
                        new GetStorageConfigResult.TypeAConfig(
                                playDomain.masterKey(),
                                playDomain.backupKey(),
                                PlayDomain.URL_VALIDITY.toSeconds(),
                                PlayDomain.SIGN_NAME)));
    }
}
