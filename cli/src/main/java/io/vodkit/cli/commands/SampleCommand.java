package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.config.OutputPaths;
import io.vodkit.cli.output.JsonLines;
import io.vodkit.cli.output.ToneWav;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code vodkit sample FILE.wav}: writes a short 440 Hz test tone as 16-bit PCM WAV, so a fresh machine has real
 * media to upload without ffmpeg.
 */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Write a test tone (16-bit PCM WAV, made in Java) to try uploads with.",
        footerHeading = "%nExamples:%n",
        footer = {"  vodkit sample demo.wav && vodkit upload demo.wav", "  vodkit sample long.wav --seconds 30"})
public final class SampleCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "FILE", description = "Where to write the .wav file.")
    Path path;

    @Option(names = "--seconds", defaultValue = "5", description = "Length (default: ${DEFAULT-VALUE} s).")
    int seconds;

    public SampleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!path.getFileName().toString().toLowerCase().endsWith(".wav")) {
            throw CliException.invalidInput("sample writes WAV audio: the file name must end in .wav, got " + path);
        }
        if (seconds < 1 || seconds > 3600) {
            throw CliException.invalidInput("--seconds must be between 1 and 3600, got " + seconds);
        }
        Path file = OutputPaths.file(
                "FILE", context.workingDir().resolve(path).toAbsolutePath().normalize());
        long size;
        try {
            size = ToneWav.write(file, seconds);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILED, "cannot write " + file + ": " + e.getMessage(), Map.of(), e);
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("File", file.toString());
        line.put("Size", size);
        new JsonLines(context.out()).write(line);
        return ExitCodes.OK;
    }
}
