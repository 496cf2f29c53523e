package io.vodkit.emulator.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An ffprobe command line built from typed parts: {@code ffprobe -v error}, the options in the order they were
 * given, then the file.
 */
public final class FfprobeCommand {

    private final FfmpegTools tools;
    private final List<String> options = new ArrayList<>();

    private FfprobeCommand(FfmpegTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
    }

    public static FfprobeCommand of(FfmpegTools tools) {
        return new FfprobeCommand(tools);
    }

    /** Only the streams {@code specifier} names, e.g. {@code v:0}. */
    public FfprobeCommand selectStreams(String specifier) {
        return option("-select_streams", specifier);
    }

    /** Only these entries, e.g. {@code stream=start_time:format=start_time}. */
    public FfprobeCommand showEntries(String entries) {
        return option("-show_entries", entries);
    }

    public FfprobeCommand showFormat() {
        return flag("-show_format");
    }

    public FfprobeCommand showStreams() {
        return flag("-show_streams");
    }

    /** Reads every packet to count them ({@code nb_read_packets}), decoding nothing. */
    public FfprobeCommand countPackets() {
        return flag("-count_packets");
    }

    /** The writer, e.g. {@code json} or {@code csv=p=0}. */
    public FfprobeCommand printFormat(String writer) {
        return option("-print_format", writer);
    }

    private FfprobeCommand option(String name, String value) {
        options.addAll(List.of(name, value));
        return this;
    }

    private FfprobeCommand flag(String name) {
        options.add(name);
        return this;
    }

    /** The argument list probing {@code file}. */
    public List<String> build(Path file) {
        List<String> cmd = new ArrayList<>(List.of(tools.ffprobe().toString(), "-v", "error"));
        cmd.addAll(options);
        cmd.add(file.toString());
        return List.copyOf(cmd);
    }
}
