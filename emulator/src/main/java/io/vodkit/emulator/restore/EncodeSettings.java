package io.vodkit.emulator.restore;

import io.vodkit.emulator.media.AudioStreamInfo;
import io.vodkit.emulator.media.FfmpegCommand;
import java.util.Set;

/**
 * How a restored video is encoded.
 *
 * @param videoCodec the ffmpeg encoder: {@code libx264}, {@code libx265} or {@code ffv1}
 * @param pixFmt the output pixel format, e.g. {@code yuv420p10le}
 * @param container the muxer: {@code mp4} or {@code matroska}
 * @param preset the encoder preset, or {@code null} (FFV1 has none)
 * @param crf the constant rate factor, or {@code null} for lossless FFV1
 * @param audio {@code copy}, {@code aac} (the container refuses the source codec), or {@code none}
 * @param maxKbps a VBV ceiling in kbit/s with a half-second buffer ({@link #VBV_BUFFER_SECONDS}), or {@code null}
 *     for none
 */
public record EncodeSettings(
        String videoCodec, String pixFmt, String container, String preset, Integer crf, String audio, Integer maxKbps) {

    /** The video codec value meaning "the input's video stream, copied unchanged". */
    public static final String COPY = "copy";

    /** x264/x265 quality: CRF ≤ 16 keeps the encoder from eating the restoration's gain. */
    public static final int CRF = 16;
    /**
     * What H.264 adds to {@code ultrafast}: CABAC, the in-loop deblocking filter and two B-frames. On denoised 720p
     * this costs 0.5 CPU-s per 2 s against {@code veryfast}'s 1.3, with a higher PSNR and SSIM at CRF 16 and a file
     * 1.4× {@code veryfast}'s (plain {@code ultrafast}: 2×).
     */
    public static final String X264_PARAMS = "cabac=1:deblock=0,0:bframes=2";
    /**
     * The VBV buffer in seconds of the ceiling. The encoder starts with the buffer 90 % full, which a short clip can
     * spend on top of the ceiling: with a one-second buffer a 2 s starved clip came out at 1.66× its input under a
     * 1.5× ceiling (x264 {@code ultrafast}); half a second kept it at 1.46×.
     */
    public static final double VBV_BUFFER_SECONDS = 0.5;
    /** Bit rate of the AAC fallback when the container cannot take the source's audio as it is. */
    public static final String AAC_BITRATE = "192k";

    private static final Set<String> MP4_AUDIO = Set.of("aac", "mp3", "ac3", "eac3", "alac", "opus");

    /**
     * The settings for an output bit depth: 8 → H.264 {@code yuv420p}; 10/12 → H.265 {@code yuv420p10le} /
     * {@code yuv420p12le}; 16 → FFV1 level 3 {@code yuv420p16le} in Matroska. Audio is copied when the container
     * takes the source codec (Matroska takes any; MP4 takes AAC, MP3, AC-3, E-AC-3, ALAC and Opus), else AAC.
     *
     * @param sourceAudio the source's audio stream, or {@code null}
     */
    public static EncodeSettings forBitDepth(int bitDepth, AudioStreamInfo sourceAudio) {
        String container = bitDepth == 16 ? "matroska" : "mp4";
        String audio = sourceAudio == null
                ? "none"
                : "matroska".equals(container) || MP4_AUDIO.contains(sourceAudio.codec()) ? "copy" : "aac";
        return switch (bitDepth) {
            case 8 -> new EncodeSettings("libx264", "yuv420p", container, "ultrafast", CRF, audio, null);
            case 10 -> new EncodeSettings("libx265", "yuv420p10le", container, "superfast", CRF, audio, null);
            case 12 -> new EncodeSettings("libx265", "yuv420p12le", container, "superfast", CRF, audio, null);
            case 16 -> new EncodeSettings("ffv1", "yuv420p16le", container, null, null, audio, null);
            default -> throw new IllegalArgumentException("bitDepth must be 8, 10, 12 or 16: " + bitDepth);
        };
    }

    /** The input's video stream copied into MP4, the audio as {@link #forBitDepth} treats it. */
    public static EncodeSettings copy(AudioStreamInfo sourceAudio) {
        return new EncodeSettings(
                COPY, null, "mp4", null, null, forBitDepth(8, sourceAudio).audio(), null);
    }

    /** These settings with the CRF and ceiling of {@code rate}; lossless FFV1 and a copy stay as they are. */
    public EncodeSettings sized(OutputRate rate) {
        if (crf == null) {
            return this;
        }
        return new EncodeSettings(videoCodec, pixFmt, container, preset, rate.crf(), audio, rate.maxKbps());
    }

    /** True when the video stream is copied, not encoded. */
    public boolean copiesVideo() {
        return COPY.equals(videoCodec);
    }

    /** The file extension for the container: {@code .mp4} or {@code .mkv}. */
    public String extension() {
        return "matroska".equals(container) ? ".mkv" : ".mp4";
    }

    /** Adds the encoder options for the video stream, the audio stream and the muxer (maps not included). */
    public FfmpegCommand.Output applyTo(FfmpegCommand.Output out) {
        out.videoCodec(videoCodec);
        if (pixFmt != null) {
            out.pixelFormat(pixFmt);
        }
        switch (videoCodec) {
            case "libx264" ->
                out.option("-preset", preset)
                        .option("-x264-params", X264_PARAMS)
                        .option("-crf", String.valueOf(crf));
            case "libx265" ->
                out.option("-preset", preset)
                        .option("-crf", String.valueOf(crf))
                        .option("-x265-params", "log-level=error")
                        .option("-tag:v", "hvc1");
            case "ffv1" ->
                out.option("-level", "3")
                        .option("-g", "1")
                        .option("-slices", "4")
                        .option("-slicecrc", "1");
            default -> {}
        }
        if (maxKbps != null) {
            out.option("-maxrate", maxKbps + "k")
                    .option("-bufsize", Math.max(1, Math.round(maxKbps * VBV_BUFFER_SECONDS)) + "k");
        }
        switch (audio) {
            case "copy" -> out.audioCodec("copy");
            case "aac" -> out.audioCodec("aac").option("-b:a", AAC_BITRATE);
            default -> out.flag("-an");
        }
        if ("mp4".equals(container)) {
            out.option("-movflags", "+faststart");
        }
        return out.format(container);
    }
}
