package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.service.Spaces;
import java.util.List;

/**
 * CreateSpace (Volcengine VOD, Version 2021-01-01; not in the BytePlus spec): {@code SpaceName}; no Result. The
 * emulator's choices: the local emulator's space-name rule applies, the other parameters ({@code Region},
 * {@code ProjectName}, {@code Description}…) are ignored, and creating a space that exists succeeds.
 */
public final class CreateSpaceHandler implements ActionHandler {
    private final Spaces spaces;

    public CreateSpaceHandler(Spaces spaces) {
        this.spaces = spaces;
    }

    @Override
    public Object handle(Params params) {
        String name = params.requireText("SpaceName");
        try {
            spaces.register(List.of(Spaces.checkName(name)));
        } catch (IllegalArgumentException invalid) {
            throw ApiError.INVALID_PARAMETER.exception("SpaceName", name, invalid.getMessage());
        }
        return null;
    }
}
