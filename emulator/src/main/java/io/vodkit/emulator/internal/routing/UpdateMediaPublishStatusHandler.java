package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.db.MediaRepository;
import java.util.Set;

/** UpdateMediaPublishStatus (spec §10.1): {@code Vid}, {@code Status} Published|Unpublished; no Result. */
public final class UpdateMediaPublishStatusHandler implements ActionHandler {
    private static final Set<String> STATUSES = Set.of(MediaRepository.PUBLISHED, MediaRepository.UNPUBLISHED);

    private final MediaRepository media;

    public UpdateMediaPublishStatusHandler(MediaRepository media) {
        this.media = media;
    }

    @Override
    public Object handle(Params params) {
        String vid = params.requireText("Vid");
        String status = params.requireText("Status");
        if (!STATUSES.contains(status)) {
            throw ApiError.INVALID_PARAMETER.exception("Status", status, "must be Published or Unpublished");
        }
        if (!media.updatePublishStatus(vid, status)) {
            throw ApiError.MEDIA_NOT_FOUND.exception(vid);
        }
        return null;
    }
}
