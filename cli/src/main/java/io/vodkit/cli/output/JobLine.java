package io.vodkit.cli.output;

import io.vodkit.cli.ledger.JobEntry;
import io.vodkit.cli.ledger.JobKind;
import io.vodkit.cli.ledger.JobState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON line {@code vodkit jobs} prints per job, in the vocabulary of the command that submitted it: a pull has
 * {@code JobId}, {@code SourceUrl}, {@code Vid} and {@code FileName} (as {@code vodkit upload URL} prints), a
 * restoration {@code RunId}, {@code Video} and {@code DirectUrl} (as {@code vodkit enhance}). {@code State} is
 * {@code running}, {@code success} or {@code failed} for both, {@code ServiceState} the service's own word. A
 * running job has the {@code Command} that waits for it to end; a restoration whose service reported what it did has
 * {@code Restoration} ({@link RestorationSummary}).
 */
public final class JobLine {
    private JobLine() {}

    /**
     * @param launcher         what starts vodkit in {@code Command} ({@link io.vodkit.cli.CliContext#launcher()})
     * @param serviceArguments the service flags of this run, repeated in {@code Command}
     */
    public static Map<String, Object> of(JobEntry job, Launcher launcher, List<String> serviceArguments) {
        boolean pull = job.kind() == JobKind.PULL;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Kind", job.kind().wireName());
        json.put(pull ? "JobId" : "RunId", job.jobId());
        json.put("State", job.state().wireName());
        json.put("ServiceState", job.serviceState());
        json.put("SpaceName", job.spaceName());
        json.put(pull ? "SourceUrl" : "Video", job.source());
        if (pull && !job.vid().isEmpty()) {
            json.put("Vid", job.vid());
        }
        if (!job.output().isEmpty()) {
            json.put(pull ? "FileName" : "DirectUrl", job.output());
        }
        if (!job.error().isEmpty()) {
            json.put("Error", job.error());
        }
        RestorationSummary.of(job.report()).ifPresent(summary -> json.put("Restoration", summary));
        json.put("SubmittedAt", job.submittedAt().toString());
        json.put("UpdatedAt", job.updatedAt().toString());
        if (job.state() == JobState.RUNNING) {
            List<String> arguments =
                    new ArrayList<>(List.of(pull ? "poll-upload" : "poll", job.jobId(), job.spaceName()));
            arguments.addAll(serviceArguments);
            json.put("Command", launcher.command(arguments));
        }
        return json;
    }
}
