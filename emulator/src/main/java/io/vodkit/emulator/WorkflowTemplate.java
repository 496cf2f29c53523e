package io.vodkit.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workflow template the emulator can run for StartWorkflow: {@code transcode:<height>p} makes an H.264/AAC MP4 of
 * that height (width kept in proportion) with ffmpeg.
 */
public record WorkflowTemplate(String id, int height) {
    private static final Pattern SPEC = Pattern.compile("transcode:(\\d{3,4})p");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public WorkflowTemplate {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a workflow template id is 1-64 letters, digits, '_' or '-': " + id);
        }
        if (height < 144 || height > 4320 || height % 2 != 0) {
            throw new IllegalArgumentException("a transcode height is even and between 144 and 4320: " + height);
        }
    }

    /** {@code ID=transcode:720p}. */
    public static WorkflowTemplate parse(String definition) {
        int equals = definition.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException(
                    "a workflow template is ID=transcode:HEIGHTp, e.g. " + "hd=transcode:720p: " + definition);
        }
        return of(
                definition.substring(0, equals).strip(),
                definition.substring(equals + 1).strip());
    }

    /** The template {@code id} with the stored {@code spec}. */
    public static WorkflowTemplate of(String id, String spec) {
        Matcher matcher = SPEC.matcher(spec);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "a workflow template spec is transcode:HEIGHTp (e.g. " + "transcode:720p): " + spec);
        }
        return new WorkflowTemplate(id, Integer.parseInt(matcher.group(1)));
    }

    public String spec() {
        return "transcode:" + height + "p";
    }
}
