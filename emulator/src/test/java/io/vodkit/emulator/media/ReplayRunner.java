package io.vodkit.emulator.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CommandRunner} that starts nothing: it answers each command with the output recorded from a real run
 * (a resource under {@code recorded/}) and fails on any command it has no recording for. It keeps the commands it
 * was asked to run. Public for the CLI's tests, which replay their own recordings.
 */
public final class ReplayRunner implements CommandRunner {

    private final Map<List<String>, String> recordings = new LinkedHashMap<>();
    private final List<List<String>> seen = new ArrayList<>();

    /** Answers {@code command} with the recorded stdout in the resource {@code recorded/<resource>}. */
    public ReplayRunner answer(List<String> command, String resource) {
        recordings.put(List.copyOf(command), resource);
        return this;
    }

    public List<List<String>> seen() {
        return List.copyOf(seen);
    }

    @Override
    public ProcessResult run(List<String> command, StdinWriter stdin, StdoutReader stdout) throws MediaException {
        seen.add(List.copyOf(command));
        String resource = recordings.get(command);
        if (resource == null) {
            throw new MediaException("no recording for " + command);
        }
        try (InputStream recorded = ReplayRunner.class.getResourceAsStream("/recorded/" + resource)) {
            if (recorded == null) {
                throw new MediaException("missing resource recorded/" + resource);
            }
            byte[] bytes = recorded.readAllBytes();
            if (stdout != null) {
                stdout.read(new ByteArrayInputStream(bytes));
            }
            return new ProcessResult(0, "", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binary's file name in {@code command}, e.g. {@code ffprobe}. */
    public static String binary(List<String> command) {
        return Path.of(command.get(0)).getFileName().toString();
    }
}
