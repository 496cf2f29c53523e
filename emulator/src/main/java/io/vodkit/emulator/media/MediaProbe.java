package io.vodkit.emulator.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads container and stream facts with {@code ffprobe -print_format json -show_format -show_streams}. */
public final class MediaProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PIX_FMT_DEPTH = Pattern.compile("(?:p|gray)(\\d{1,2})(?:le|be)$");

    private final FfmpegTools tools;
    private final CommandRunner runner;

    public MediaProbe(FfmpegTools tools, CommandRunner runner) {
        this.tools = Objects.requireNonNull(tools, "tools == null");
        this.runner = Objects.requireNonNull(runner, "runner == null");
    }

    /**
     * Probes a file.
     *
     * @throws MediaException when the file is missing, ffprobe fails, or it reports something unreadable
     */
    public ProbeResult probe(Path file) throws MediaException {
        if (!Files.isRegularFile(file)) {
            throw new MediaException("not a file: " + file);
        }
        ProcessResult result = runner.run(command(file));
        ProbeResult probe = parse(result.stdout());
        if (probe.sizeBytes() > 0) {
            return probe;
        }
        try {
            return new ProbeResult(
                    probe.formatName(),
                    probe.durationSeconds(),
                    probe.bitRate(),
                    Files.size(file),
                    probe.video(),
                    probe.audio());
        } catch (IOException e) {
            throw new MediaException("cannot read size of " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The number of frames of the first video stream: as the container states it ({@code probe}), else counted by
     * {@link #countVideoFrames}.
     */
    public long videoFrames(Path file, ProbeResult probe) throws MediaException {
        long stated = probe.hasVideo() ? probe.video().frames() : 0;
        return stated > 0 ? stated : countVideoFrames(file);
    }

    /**
     * Counts the packets of the first video stream (one per frame for video), reading the container but decoding
     * nothing.
     *
     * @throws MediaException when ffprobe fails or the file has no video stream
     */
    public long countVideoFrames(Path file) throws MediaException {
        String text = runner.run(countCommand(file)).stdout().trim();
        try {
            return Long.parseLong(text.split("[,\\s]")[0]);
        } catch (NumberFormatException e) {
            throw new MediaException("no video frame count for " + file + ": '" + text + "'", e);
        }
    }

    /**
     * How much later than the file's first stream the first video stream starts, in seconds (0 when it starts first
     * or the container does not say). Re-encoding the video on its own must delay it by this much to stay in sync.
     *
     * @throws MediaException when ffprobe fails
     */
    public double videoStartDelaySeconds(Path file) throws MediaException {
        JsonNode root;
        try {
            root = JSON.readTree(runner.run(startCommand(file)).stdout());
        } catch (IOException e) {
            throw new MediaException("ffprobe printed invalid JSON: " + e.getMessage(), e);
        }
        JsonNode stream = root.path("streams").path(0);
        if (stream.isMissingNode()) {
            return 0;
        }
        return Math.max(0, asDouble(stream, "start_time") - asDouble(root.path("format"), "start_time"));
    }

    /** The ffprobe command that prints the container's and the first video stream's start times. */
    public List<String> startCommand(Path file) {
        return FfprobeCommand.of(tools)
                .selectStreams("v:0")
                .showEntries("stream=start_time:format=start_time")
                .printFormat("json")
                .build(file);
    }

    /** The ffprobe command that counts the first video stream's packets. */
    public List<String> countCommand(Path file) {
        return FfprobeCommand.of(tools)
                .selectStreams("v:0")
                .countPackets()
                .showEntries("stream=nb_read_packets")
                .printFormat("csv=p=0")
                .build(file);
    }

    /** The ffprobe command for {@code file}. */
    public List<String> command(Path file) {
        return FfprobeCommand.of(tools)
                .printFormat("json")
                .showFormat()
                .showStreams()
                .build(file);
    }

    /**
     * Parses ffprobe's JSON output.
     *
     * @throws MediaException when the text is not ffprobe JSON with a {@code format} section
     */
    public static ProbeResult parse(String ffprobeJson) throws MediaException {
        JsonNode root;
        try {
            root = JSON.readTree(ffprobeJson);
        } catch (IOException e) {
            throw new MediaException("ffprobe printed invalid JSON: " + e.getMessage(), e);
        }
        JsonNode format = root == null ? null : root.get("format");
        if (format == null || !format.isObject()) {
            throw new MediaException("ffprobe output has no format section");
        }
        VideoStreamInfo video = null;
        AudioStreamInfo audio = null;
        for (JsonNode stream : root.path("streams")) {
            String type = stream.path("codec_type").asText();
            if ("video".equals(type)
                    && video == null
                    && stream.path("disposition").path("attached_pic").asInt() != 1) {
                video = video(stream);
            } else if ("audio".equals(type) && audio == null) {
                audio = new AudioStreamInfo(
                        stream.path("codec_name").asText(""),
                        asInt(stream, "sample_rate"),
                        asInt(stream, "channels"),
                        asLong(stream, "bit_rate"),
                        asDouble(stream, "duration"));
            }
        }
        return new ProbeResult(
                format.path("format_name").asText(""),
                asDouble(format, "duration"),
                asLong(format, "bit_rate"),
                asLong(format, "size"),
                video,
                audio);
    }

    private static VideoStreamInfo video(JsonNode stream) {
        double fps = rate(stream.path("avg_frame_rate").asText(""));
        if (fps <= 0) {
            fps = rate(stream.path("r_frame_rate").asText(""));
        }
        String pixFmt = stream.path("pix_fmt").asText("");
        return new VideoStreamInfo(
                stream.path("codec_name").asText(""),
                asInt(stream, "width"),
                asInt(stream, "height"),
                fps,
                asLong(stream, "bit_rate"),
                pixFmt,
                bitDepth(asInt(stream, "bits_per_raw_sample"), pixFmt),
                asLong(stream, "nb_frames"));
    }

    /** Bits per sample: ffprobe's {@code bits_per_raw_sample} when set, else read from the pixel format name. */
    static int bitDepth(int bitsPerRawSample, String pixFmt) {
        if (bitsPerRawSample > 0) {
            return bitsPerRawSample;
        }
        Matcher m = PIX_FMT_DEPTH.matcher(pixFmt);
        return m.find() ? Integer.parseInt(m.group(1)) : 8;
    }

    /** Parses {@code "30000/1001"} or {@code "25"}; 0 when unknown. */
    static double rate(String text) {
        try {
            int slash = text.indexOf('/');
            if (slash < 0) {
                return text.isEmpty() ? 0 : Double.parseDouble(text);
            }
            double den = Double.parseDouble(text.substring(slash + 1));
            return den == 0 ? 0 : Double.parseDouble(text.substring(0, slash)) / den;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int asInt(JsonNode node, String field) {
        return (int) asLong(node, field);
    }

    private static long asLong(JsonNode node, String field) {
        return (long) asDouble(node, field);
    }

    /** ffprobe prints most numbers as strings; unknown values ({@code "N/A"}) become 0. */
    private static double asDouble(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        try {
            return Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
