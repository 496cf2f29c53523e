package io.vodkit.cli.doctor;

import io.vodkit.cli.config.Settings;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The checks of this machine: vodkit's home folder and the ffmpeg tools. */
public final class LocalChecks {
    private static final ProcessRunner RUNNER = new ProcessRunner(Duration.ofSeconds(10));

    private LocalChecks() {}

    /** {@code $VODKIT_HOME} exists (or can be made) and takes a new file. */
    public static Check home(Path home) {
        try {
            Files.createDirectories(home);
            Files.delete(Files.createTempFile(home, "doctor", ".tmp"));
            return Check.pass("home", home + " is writable");
        } catch (IOException | UnsupportedOperationException e) {
            return Check.fail(
                    "home",
                    home + " is not writable (" + e.getClass().getSimpleName() + " " + e.getMessage()
                            + "); set VODKIT_HOME or --home to a folder vodkit may write");
        }
    }

    /** ffmpeg and ffprobe and their versions; only the local emulator's media features need them. */
    public static Check ffmpeg(Settings settings) {
        String why = "only the local emulator's media features need them (probing, posters, restoration); "
                + "uploads work without";
        Optional<FfmpegTools> tools = FfmpegTools.locate(settings.ffmpeg().orElse(null));
        if (tools.isEmpty()) {
            return new Check(
                    "ffmpeg",
                    false,
                    false,
                    "ffmpeg/ffprobe not found ("
                            + settings.ffmpeg()
                                    .map(path -> "VODKIT_FFMPEG=" + path)
                                    .orElse("PATH") + "): " + why);
        }
        try {
            return new Check(
                    "ffmpeg",
                    true,
                    false,
                    version(tools.get().ffmpeg()) + "; " + version(tools.get().ffprobe()));
        } catch (MediaException e) {
            return new Check("ffmpeg", false, false, "ffmpeg/ffprobe do not run: " + e.getMessage() + "; " + why);
        }
    }

    private static String version(Path tool) throws MediaException {
        String banner = RUNNER.run(List.of(tool.toString(), "-version"))
                .stdout()
                .lines()
                .findFirst()
                .orElse("");
        int copyright = banner.indexOf(" Copyright");
        return copyright < 0 ? banner : banner.substring(0, copyright);
    }
}
