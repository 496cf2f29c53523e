package io.vodkit.cli.ledger;

import io.vodkit.client.VodServiceException;
import io.vodkit.client.media.MediaManager;
import java.util.Objects;

/**
 * Whether media the ledger recorded is still in the service: asked before a batch skips a file as uploaded.
 * Against the local emulator ({@link #askGetPlayInfo}) the service is asked, since its data folder is easily reset
 * or deleted. Against the cloud the ledger is trusted ({@link #TRUST_LEDGER}, no call): GetPlayInfo's answer there
 * for unpublished media is UNCONFIRMED, and a wrong "gone" would upload (and bill) the bytes again; {@code --force}
 * re-sends.
 */
@FunctionalInterface
public interface MediaPresence {

    /** Every recorded Vid is taken to exist. */
    MediaPresence TRUST_LEDGER = vid -> true;

    /**
     * @return false when the service says it has no media {@code vid}
     * @throws io.vodkit.client.VodException when the service cannot tell (it failed, or could not be reached)
     */
    boolean exists(String vid);

    /**
     * Asks GetPlayInfo (spec §10.2), as the local emulator answers it: {@code ResourceNotFound} for an unknown Vid
     * (gone), {@code InvalidParameter} for media that exists but is not published, play info for published media.
     */
    static MediaPresence askGetPlayInfo(MediaManager media) {
        Objects.requireNonNull(media, "media == null");
        return vid -> {
            try {
                media.playInfo(vid);
                return true;
            } catch (VodServiceException e) {
                if (e.resourceNotFound()) {
                    return false;
                }
                if ("InvalidParameter".equals(e.code())) {
                    return true;
                }
                throw e;
            }
        };
    }
}
