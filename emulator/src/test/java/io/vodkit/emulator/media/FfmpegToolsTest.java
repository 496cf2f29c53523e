package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegToolsTest {

    @TempDir
    Path dir;

    @Test
    void searchPathFindsBothTools() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ffmpeg = executable(bin.resolve("ffmpeg"));
        Path ffprobe = executable(bin.resolve("ffprobe"));

        assertThat(FfmpegTools.locate(null, dir.resolve("empty") + File.pathSeparator + bin))
                .contains(new FfmpegTools(ffmpeg, ffprobe));
    }

    @Test
    void configuredFfmpegPrefersSiblingFfprobe() throws IOException {
        Path custom = Files.createDirectories(dir.resolve("custom"));
        Path onPath = Files.createDirectories(dir.resolve("onpath"));
        Path ffmpeg = executable(custom.resolve("ffmpeg"));
        Path sibling = executable(custom.resolve("ffprobe"));
        executable(onPath.resolve("ffprobe"));

        assertThat(FfmpegTools.locate(ffmpeg, onPath.toString())).contains(new FfmpegTools(ffmpeg, sibling));
    }

    @Test
    void configuredFfmpegFallsBackToFfprobeOnSearchPath() throws IOException {
        Path custom = Files.createDirectories(dir.resolve("custom"));
        Path onPath = Files.createDirectories(dir.resolve("onpath"));
        Path ffmpeg = executable(custom.resolve("ffmpeg"));
        Path ffprobe = executable(onPath.resolve("ffprobe"));

        assertThat(FfmpegTools.locate(ffmpeg, onPath.toString())).contains(new FfmpegTools(ffmpeg, ffprobe));
    }

    @Test
    void missingToolsGiveEmpty() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("ffmpeg"));
        Path notExecutable = Files.createFile(dir.resolve("ffmpeg"));

        assertThat(FfmpegTools.locate(null, bin.toString())).as("no ffprobe").isEmpty();
        assertThat(FfmpegTools.locate(null, null)).as("no search path").isEmpty();
        assertThat(FfmpegTools.locate(dir.resolve("nope/ffmpeg"), bin.toString()))
                .as("configured missing")
                .isEmpty();
        assertThat(FfmpegTools.locate(notExecutable, bin.toString()))
                .as("not executable")
                .isEmpty();
    }

    private static Path executable(Path path) throws IOException {
        Files.writeString(path, "#!/bin/sh\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
