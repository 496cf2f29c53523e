package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.callback.Callbacks;
import io.vodkit.emulator.internal.service.Spaces;

/**
 * AddCallbackSubscription {@code {SpaceName, Url, ContentType}} and SetCallbackEvent
 * {@code {SpaceName, Events, AuthEnabled, PrivateKey}} (media-management.md A15.1; BytePlus
 * reference-addcallbacksubscription, reference-setcallbackevent): no Result, as the SDK's response models have none.
 * A space the emulator does not know is {@code InvalidParameter.InvalidSpaceName} (400), the code
 * reference-setcallbackevent lists.
 */
public final class CallbackActions {
    private final Callbacks callbacks;
    private final Spaces spaces;

    public CallbackActions(Callbacks callbacks, Spaces spaces) {
        this.callbacks = callbacks;
        this.spaces = spaces;
    }

    public ActionHandler addCallbackSubscription() {
        return params -> {
            String space = space(params);
            callbacks.subscribe(space, params.requireText("Url"), params.text("ContentType"));
            return null;
        };
    }

    public ActionHandler setCallbackEvent() {
        return params -> {
            String space = space(params);
            if (params.list("Events").isEmpty()) {
                throw ApiError.MISSING_PARAMETER.exception("Events");
            }
            callbacks.chooseEvents(space, params.list("Events"), params.text("AuthEnabled"), params.text("PrivateKey"));
            return null;
        };
    }

    private String space(Params params) {
        String space = params.requireText("SpaceName");
        if (!spaces.all().contains(space)) {
            throw ApiError.INVALID_SPACE_NAME.exception(space);
        }
        return space;
    }
}
