package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.CommitUploadInfoResult;
import io.vodkit.emulator.internal.service.CommitFunctions;
import io.vodkit.emulator.internal.service.MediaCommitter;
import java.io.IOException;

/** CommitUploadInfo (spec §7): SpaceName, SessionKey, Functions, CallbackArgs. */
public final class CommitUploadInfoHandler implements ActionHandler {
    private final MediaCommitter committer;

    public CommitUploadInfoHandler(MediaCommitter committer) {
        this.committer = committer;
    }

    @Override
    public Object handle(Params params) throws IOException {
        MediaCommitter.CommittedMedia media = committer.commit(new MediaCommitter.CommitRequest(
                params.requireText("SpaceName"),
                params.requireText("SessionKey"),
                CommitFunctions.parse(params.raw("Functions")),
                params.text("CallbackArgs").orElse(null)));
        return new CommitUploadInfoResult(
                new CommitUploadInfoResult.Data(media.vid(), media.posterUri(), media.sourceInfo(), ""));
    }
}
