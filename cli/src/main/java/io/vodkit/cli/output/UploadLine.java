package io.vodkit.cli.output;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.vodkit.cli.ExitCodes;

/**
 * The line {@code vodkit upload} and {@code vodkit poll-upload} print for one source, and the exit code it stands
 * for: an {@link UploadOutput} (exit 0), a {@link Failed} source (1), or a URL pull still running when polling ran
 * out ({@link TimedOut}, 3).
 */
public sealed interface UploadLine permits UploadOutput, UploadLine.Failed, UploadLine.TimedOut {

    /** What this line stands for: {@link ExitCodes#OK}, {@link ExitCodes#FAILED} or {@link ExitCodes#TIMED_OUT}. */
    @JsonIgnore
    int exitCode();

    /**
     * {@code {"error", "JobId", "SourceUrl"}}: a source that failed, with its URL pull's JobId when it had one and
     * its source when known.
     */
    @JsonPropertyOrder({"error", "JobId", "SourceUrl"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Failed(
            @JsonProperty("error") String error,
            @JsonProperty("JobId") String jobId,
            @JsonProperty("SourceUrl") String sourceUrl)
            implements UploadLine {

        /** A source that failed before or without a job (a refused submission, a bad file, a refused upload). */
        public static Failed of(String error, String source) {
            return new Failed(error, null, source);
        }

        @Override
        public int exitCode() {
            return ExitCodes.FAILED;
        }
    }

    /** {@code {"error", "resume_hint", "JobIds", "State"}}: a URL pull still running; the hint resumes polling it. */
    @JsonPropertyOrder({"error", "resume_hint", "JobIds", "State"})
    record TimedOut(
            @JsonProperty("error") String error,
            @JsonProperty("resume_hint") ResumeHint resumeHint,
            @JsonProperty("JobIds") String jobIds,
            @JsonProperty("State") String state)
            implements UploadLine {

        @Override
        public int exitCode() {
            return ExitCodes.TIMED_OUT;
        }
    }
}
