package io.vodkit.emulator.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An ffmpeg command line, built from typed parts instead of a hand-written argument list: global options, inputs
 * (each with its own options before {@code -i}), an optional filter graph, and outputs (maps, filters, codec options,
 * muxer, target). Every command starts {@code ffmpeg -nostdin -v error}; {@link #build()} gives the argument list
 * a {@link CommandRunner} runs.
 *
 * <pre>{@code
 * FfmpegCommand.of(tools).overwrite()
 *     .input(FfmpegCommand.Input.file(in).seek(3))
 *     .output(FfmpegCommand.Output.file(out).map("0:v:0").videoFilter("hqdn3d").videoCodec("libx264").format("mp4"))
 *     .build();
 * }</pre>
 */
public final class FfmpegCommand {

    private final FfmpegTools tools;
    private final List<String> global = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();
    private String logLevel = "error";
    private String filterGraph;

    private FfmpegCommand(FfmpegTools tools) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
    }

    /** A command for the ffmpeg of {@code tools}. */
    public static FfmpegCommand of(FfmpegTools tools) {
        return new FfmpegCommand(tools);
    }

    /** The log level ({@code -v}); {@code error} unless set. */
    public FfmpegCommand logLevel(String level) {
        this.logLevel = Objects.requireNonNull(level, "level == null");
        return this;
    }

    /** Overwrites existing outputs ({@code -y}). */
    public FfmpegCommand overwrite() {
        return flag("-y");
    }

    /** A global option without a value, e.g. {@code -hide_banner}. */
    public FfmpegCommand flag(String option) {
        global.add(option);
        return this;
    }

    public FfmpegCommand input(Input input) {
        inputs.add(Objects.requireNonNull(input, "input == null"));
        return this;
    }

    /** The {@code -filter_complex} graph; its labelled outputs are mapped by the outputs. */
    public FfmpegCommand filterGraph(String graph) {
        this.filterGraph = Objects.requireNonNull(graph, "graph == null");
        return this;
    }

    public FfmpegCommand output(Output output) {
        outputs.add(Objects.requireNonNull(output, "output == null"));
        return this;
    }

    /**
     * The argument list.
     *
     * @throws IllegalStateException without an input or an output
     */
    public List<String> build() {
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalStateException("an ffmpeg command needs an input and an output");
        }
        List<String> cmd = new ArrayList<>(List.of(tools.ffmpeg().toString(), "-nostdin", "-v", logLevel));
        cmd.addAll(global);
        for (Input input : inputs) {
            cmd.addAll(input.arguments());
        }
        if (filterGraph != null) {
            cmd.addAll(List.of("-filter_complex", filterGraph));
        }
        for (Output output : outputs) {
            cmd.addAll(output.arguments());
        }
        return List.copyOf(cmd);
    }

    /** Seconds as ffmpeg takes them: three decimals, a dot whatever the locale. */
    public static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** One input: a file or a pipe, with the options that apply to it. */
    public static final class Input {
        private final String source;
        private final List<String> options = new ArrayList<>();

        private Input(String source) {
            this.source = source;
        }

        public static Input file(Path file) {
            return new Input(file.toString());
        }

        /** A libavfilter source graph, e.g. {@code testsrc2=size=320x180:rate=25} ({@code -f lavfi}). */
        public static Input lavfi(String graph) {
            return new Input(graph).option("-f", "lavfi");
        }

        /** The process's stdin. */
        public static Input stdin() {
            return new Input("pipe:0");
        }

        /** Raw frames of {@code pixFmt} at {@code width × height}, {@code fps} frames per second. */
        public Input rawVideo(String pixFmt, int width, int height, String fps) {
            return option("-f", "rawvideo")
                    .option("-pix_fmt", pixFmt)
                    .option("-s", width + "x" + height)
                    .option("-framerate", fps);
        }

        /** Starts reading at {@code seconds} ({@code -ss} before {@code -i}). */
        public Input seek(double seconds) {
            return option("-ss", FfmpegCommand.seconds(seconds));
        }

        /** Reads {@code seconds} of it ({@code -t} before {@code -i}). */
        public Input duration(double seconds) {
            return option("-t", FfmpegCommand.seconds(seconds));
        }

        /** Decodes at the coded size, without the display matrix's rotation. */
        public Input noAutorotate() {
            return flag("-noautorotate");
        }

        /** A seek starts at the key frame at or before its position instead of decoding up to it. */
        public Input fromKeyFrame() {
            return flag("-noaccurate_seek");
        }

        public Input option(String name, String value) {
            options.addAll(List.of(name, value));
            return this;
        }

        public Input flag(String name) {
            options.add(name);
            return this;
        }

        /** Its part of the command line: its options, then {@code -i} and the source. */
        public List<String> arguments() {
            List<String> args = new ArrayList<>(options);
            args.addAll(List.of("-i", source));
            return args;
        }
    }

    /** One output: a file, stdout or nothing, with its maps, filters, codec options and muxer. */
    public static final class Output {
        private final String target;
        private final boolean discard;
        private final List<String> options = new ArrayList<>();

        private Output(String target, boolean discard) {
            this.target = target;
            this.discard = discard;
        }

        public static Output file(Path file) {
            return new Output(file.toString(), false);
        }

        /** The process's stdout. */
        public static Output stdout() {
            return new Output("pipe:1", false);
        }

        /** Decoded and filtered, then discarded ({@code -f null -}): for filters that only measure. */
        public static Output discard() {
            return new Output("-", true);
        }

        /** A stream or filter-graph label to take, e.g. {@code 0:v:0} or {@code [s]}. */
        public Output map(String stream) {
            return option("-map", stream);
        }

        /** The {@code -vf} chain. */
        public Output videoFilter(String chain) {
            return option("-vf", chain);
        }

        /** Each frame keeps its timestamp: none duplicated or dropped. */
        public Output keepTimestamps() {
            return option("-fps_mode", "passthrough");
        }

        /** Stops writing after {@code seconds} ({@code -t} after the inputs). */
        public Output duration(double seconds) {
            return option("-t", FfmpegCommand.seconds(seconds));
        }

        public Output frames(int count) {
            return option("-frames:v", String.valueOf(count));
        }

        public Output videoCodec(String codec) {
            return option("-c:v", codec);
        }

        public Output audioCodec(String codec) {
            return option("-c:a", codec);
        }

        public Output pixelFormat(String pixFmt) {
            return option("-pix_fmt", pixFmt);
        }

        /** The muxer ({@code -f}), e.g. {@code mp4}, {@code matroska}, {@code rawvideo}. */
        public Output format(String muxer) {
            return option("-f", muxer);
        }

        public Output option(String name, String value) {
            options.addAll(List.of(name, value));
            return this;
        }

        public Output flag(String name) {
            options.add(name);
            return this;
        }

        /** Its part of the command line: its options, then the target. */
        public List<String> arguments() {
            List<String> args = new ArrayList<>(options);
            if (discard) {
                args.addAll(List.of("-f", "null"));
            }
            args.add(target);
            return args;
        }
    }
}
