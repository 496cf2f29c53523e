package io.vodkit.client.enhance;

import io.vodkit.client.VodException;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.api.Execution;
import io.vodkit.client.api.MediaInput;
import io.vodkit.client.internal.api.ApiCaller;
import io.vodkit.client.internal.api.GetExecution;
import io.vodkit.client.internal.api.GetPlayInfo;
import io.vodkit.client.internal.api.StartExecution;
import io.vodkit.client.internal.jobs.JobPoller;
import io.vodkit.client.jobs.PollOutcome;
import io.vodkit.client.url.PlayUrlResolver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quality restoration (spec §9): submit with StartExecution, then poll GetExecution until Success, Failed or
 * Terminated ({@code ""}, PendingStart and Running keep polling).
 */
public final class Enhancer {

    /** The StartExecution/GetExecution version BytePlus serves ({@code VOD_ENHANCE_VERSION} changes it). */
    public static final String DEFAULT_VERSION = "2025-07-01";

    private static final Logger LOG = LoggerFactory.getLogger(Enhancer.class);

    private final StartExecution startExecution;
    private final GetExecution getExecution;
    private final GetPlayInfo getPlayInfo;
    private final JobPoller poller;
    private final PlayUrlResolver playUrls;

    /**
     * @param version  the StartExecution/GetExecution version ({@code VOD_ENHANCE_VERSION}, default
     *                 {@value #DEFAULT_VERSION})
     * @param playUrls what makes the restored video's play URL
     */
    public Enhancer(ApiCaller api, String version, JobPoller poller, PlayUrlResolver playUrls) {
        this.startExecution = new StartExecution(api, version);
        this.getExecution = new GetExecution(api, version);
        this.getPlayInfo = new GetPlayInfo(api);
        this.poller = Objects.requireNonNull(poller, "poller == null");
        this.playUrls = Objects.requireNonNull(playUrls, "playUrls == null");
    }

    /**
     * The source's duration in seconds when the service can tell it (GetPlayInfo, for a Vid); empty for a DirectUrl
     * or when GetPlayInfo does not answer (e.g. unpublished media), so the 16-bit rule is then left to the service.
     */
    public OptionalDouble sourceDuration(EnhanceParams params) {
        if (!MediaInput.VID.equals(params.type())) {
            return OptionalDouble.empty();
        }
        try {
            double seconds = getPlayInfo.call(params.video()).duration();
            return seconds > 0 ? OptionalDouble.of(seconds) : OptionalDouble.empty();
        } catch (VodServiceException e) {
            LOG.debug("source duration unknown vid={} reason={}", params.video(), e.getMessage());
            return OptionalDouble.empty();
        }
    }

    /**
     * Submits the restoration of {@code params} in {@code spaceName}.
     *
     * @return the RunId
     * @throws InvalidEnhanceParamsException when 16-bit depth is asked for a source longer than the service allows
     *     (checked when the service can tell the duration, before anything is submitted)
     * @throws ProTierDeniedException when Pro was asked for and the account is not allowlisted
     * @throws VodException for any other failure
     */
    public String submit(EnhanceParams params, String spaceName) {
        if (params.bitDepth() != null && params.bitDepth() == 16) {
            sourceDuration(params)
                    .ifPresent(seconds -> params.durationViolation(seconds).ifPresent(violation -> {
                        throw new InvalidEnhanceParamsException(violation, List.of("bit_depth"));
                    }));
        }
        try {
            return startExecution.call(params.input(spaceName), params.moeEnhance());
        } catch (VodServiceException e) {
            if (params.pro() && ProTierDeniedException.isProDenial(e)) {
                throw new ProTierDeniedException(e);
            }
            throw e;
        }
    }

    /** Asks once how the job {@code runId} is doing (GetExecution); any failure is thrown. */
    public Execution query(String runId) {
        return getExecution.call(runId);
    }

    /**
     * The video a successful job wrote, with its play URL; empty when the job names no output.
     *
     * @param spaceName the space the job was submitted to (for an answer that names none)
     */
    public Optional<RestoredVideo> restored(Execution done, String spaceName) {
        String fileName = done.outputFileName();
        if (fileName.isEmpty()) {
            return Optional.empty();
        }
        String space = done.spaceName().isEmpty() ? spaceName : done.spaceName();
        return Optional.of(new RestoredVideo(
                space, done.runId(), done.fileId(), fileName, playUrls.playUrlOrEmpty(space, fileName, null)));
    }

    /** Polls the job until it ends or the attempts run out. */
    public PollOutcome<Execution> await(String runId, Consumer<Execution> observer) {
        return poller.poll(() -> getExecution.call(runId), Execution::isFinished, observer);
    }
}
