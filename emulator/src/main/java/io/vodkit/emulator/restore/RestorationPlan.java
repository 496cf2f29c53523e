package io.vodkit.emulator.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns an {@link Analysis} and a {@link RestoreSpec} into the ordered restoration steps: a pure function, so each
 * step is there only because a measurement called for it, and the reason says which.
 *
 * <p>Per template (Standard denoises with {@code hqdn3d}, spatial {@code 1.5·k·σ̂} and temporal {@code k·σ̂} for the
 * template's factor k; Pro swaps it for {@code nlmeans s≈0.7σ̂ p=5 r=9}, deblocking for {@code spp}, and frame
 * dropping for {@code minterpolate}):
 * <ul>
 *   <li>{@code common}: σ̂ &gt; 2.5 → {@code hqdn3d} (k = 2); blocky MPEG-2/4, MJPEG (no in-loop deblocking)
 *       → {@code spp}; soft → {@code cas=0.3}</li>
 *   <li>{@code ugc}: as common with σ̂ &gt; 2.0, plus {@code deflicker} when flicker &gt; 1 %</li>
 *   <li>{@code short_series}: σ̂ &gt; 3.0 → {@code hqdn3d} (k = 1.5); blocky → {@code deblock weak}; soft →
 *       {@code cas=0.4}</li>
 *   <li>{@code aigc}: banding → {@code deband}; flicker → {@code deflicker}; soft → {@code cas=0.4}</li>
 *   <li>{@code old_film}: damage → Java scratch and dust repair; flicker → {@code deflicker}; σ̂ &gt; 2.0 →
 *       {@code hqdn3d} (k = 2); soft → {@code cas=0.3}</li>
 * </ul>
 * Then the frame rate, {@code scale=-2:H:flags=lanczos}, and {@code unsharp=5:5:0.6} when upscaling. Blocky H.264 or
 * HEVC is not deblocked (their decoders deblock in the loop; a post-filter measured no gain against a clean
 * original), and a blocky picture is neither sharpened nor debanded (its softness and contours are compression
 * loss): {@link #notes} says so in the report.
 */
public final class RestorationPlan {

    /** {@code blockdetect} above this calls for deblocking. ffmpeg 5.1 gives about 10 on a clean test pattern. */
    public static final double BLOCKINESS_THRESHOLD = 15;
    /** {@code blurdetect} above this means soft enough to sharpen (clean test pattern 4.5, H.264 CRF 38 6.8). */
    public static final double SOFT_BLUR_THRESHOLD = 5.5;
    /** Flicker (std-dev of mean luma, % of its mean) above this calls for {@code deflicker}. */
    public static final double FLICKER_THRESHOLD_PERCENT = 1.0;
    /** Banding (% of pixels on false contours) above this calls for {@code deband}. */
    public static final double BANDING_THRESHOLD_PERCENT = 0.5;
    /**
     * Film damage (% of pixels in scratches or dust) above this calls for the Java repair; a clean test pattern
     * measures about 0.1 % (its changing timer digits look like dust), damaged film over 1 %.
     */
    public static final double DAMAGE_THRESHOLD_PERCENT = 0.25;
    /** At least this many scratch columns per frame call for the Java repair whatever the damage percentage. */
    public static final double SCRATCH_COLUMNS_THRESHOLD = 1;
    /**
     * Standard's {@code hqdn3d} spatial strength per unit of the template's temporal factor: against the clean clip it
     * beat {@code fftdnoiz sigma=2σ̂} on every noisy bench clip (Y-PSNR +0.4 to +3.6 dB, SSIM within 0.004) at about a
     * tenth of its CPU (0.27 against 2.3 CPU-s per 2 s of 720p), and stayed within 0.2 dB of it on a zooming textured
     * clip (mandelbrot).
     */
    public static final double HQDN3D_SPATIAL_PER_TEMPORAL = 1.5;
    /** Pro's {@code nlmeans} strength per σ̂ for the common templates. */
    public static final double NLMEANS_PER_SIGMA = 0.7;

    private static final Set<String> BLOCK_DCT_CODECS = Set.of("h264", "hevc");
    private static final Set<String> SPP_CODECS =
            Set.of("mpeg1video", "mpeg2video", "mpeg4", "mjpeg", "msmpeg4v2", "msmpeg4v3", "h263", "wmv1", "wmv2");

    private record Template(
            double noiseThreshold,
            double denoisePerSigma,
            String deblockMode,
            boolean filmRepair,
            boolean deflicker,
            boolean deband,
            double sharpen) {}

    private static final double NEVER = Double.POSITIVE_INFINITY;
    private static final Map<String, Template> TEMPLATES = Map.of(
            "common", new Template(2.5, 2.0, "strong", false, false, false, 0.3),
            "ugc", new Template(2.0, 2.0, "strong", false, true, false, 0.3),
            "short_series", new Template(3.0, 1.5, "weak", false, false, false, 0.4),
            "aigc", new Template(NEVER, 0, null, false, true, true, 0.4),
            "old_film", new Template(2.0, 2.0, null, true, true, false, 0.3));

    private RestorationPlan() {}

    /** The ordered steps for {@code analysis} under {@code spec}; empty when nothing needs repair. */
    public static List<PlannedStep> plan(Analysis analysis, RestoreSpec spec) {
        Template t = TEMPLATES.get(spec.config());
        boolean pro = spec.pro();
        List<PlannedStep> steps = new ArrayList<>();
        FilmDamage damage = analysis.damage();
        if (t.filmRepair()
                && (damage.damagedPixelPercent() > DAMAGE_THRESHOLD_PERCENT
                        || damage.scratchColumnsPerFrame() >= SCRATCH_COLUMNS_THRESHOLD)) {
            steps.add(
                    new PlannedStep(
                            "film-repair",
                            PlannedStep.Engine.JAVA,
                            "java:scratch+dust repair (luma), σ̂=" + f1(analysis.noiseSigma()),
                            "damage=" + f2(damage.damagedPixelPercent()) + "% (threshold "
                                    + f2(DAMAGE_THRESHOLD_PERCENT) + "%; "
                                    + f1(damage.scratchColumnsPerFrame()) + " scratch columns, "
                                    + f1(damage.dustPixelsPerFrame())
                                    + " dust pixels per frame) → repair scratches and dust from neighbouring columns and frames"));
        }
        if (t.deflicker() && analysis.flickerPercent() > FLICKER_THRESHOLD_PERCENT) {
            steps.add(PlannedStep.ffmpeg(
                    "deflicker",
                    "deflicker=size=5:mode=am",
                    "flicker=" + f2(analysis.flickerPercent()) + "% > " + f1(FLICKER_THRESHOLD_PERCENT)
                            + "% → per-frame mean-luma deflicker"));
        }
        if (analysis.noiseSigma() > t.noiseThreshold()) {
            steps.add(denoise(analysis.noiseSigma(), t, pro));
        }
        boolean blocky = analysis.blockiness() > BLOCKINESS_THRESHOLD;
        if (t.deblockMode() != null && blocky && !BLOCK_DCT_CODECS.contains(analysis.codec())) {
            steps.add(deblock(analysis, t, pro));
        }
        if (t.deband() && !blocky && analysis.bandingPercent() > BANDING_THRESHOLD_PERCENT) {
            steps.add(PlannedStep.ffmpeg(
                    "deband",
                    "deband",
                    "banding=" + f2(analysis.bandingPercent()) + "% > " + f1(BANDING_THRESHOLD_PERCENT)
                            + "% → deband"));
        }
        if (!blocky && analysis.blur() > SOFT_BLUR_THRESHOLD) {
            String cas = "cas=" + f1(t.sharpen());
            steps.add(PlannedStep.ffmpeg(
                    "sharpen", cas, "blur=" + f2(analysis.blur()) + " > " + f1(SOFT_BLUR_THRESHOLD) + " → " + cas));
        }
        if (spec.fps() != null && Math.abs(spec.fps() - analysis.fps()) > 0.01) {
            steps.add(frameRate(analysis.fps(), spec.fps(), pro));
        }
        steps.addAll(resize(analysis, spec.targetHeight()));
        return List.copyOf(steps);
    }

    /** The ffmpeg steps joined into one {@code -vf} chain; {@code null} (the pass-through filter) when there are none. */
    public static String filterChain(List<PlannedStep> steps) {
        String chain = steps.stream()
                .filter(s -> s.engine() == PlannedStep.Engine.FFMPEG)
                .map(PlannedStep::filter)
                .collect(Collectors.joining(","));
        return chain.isEmpty() ? "null" : chain;
    }

    /** True when a step must run in Java between a decoder and an encoder pipe. */
    public static boolean needsFramePipeline(List<PlannedStep> steps) {
        return steps.stream().anyMatch(s -> s.engine() == PlannedStep.Engine.JAVA);
    }

    private static PlannedStep denoise(double sigma, Template t, boolean pro) {
        String rule = "σ̂=" + f1(sigma) + " > " + f1(t.noiseThreshold()) + " → ";
        if (pro) {
            double s = clamp(NLMEANS_PER_SIGMA * t.denoisePerSigma() / 2 * sigma, 1, 30);
            String filter = "nlmeans=s=" + f1(s) + ":p=5:r=9";
            return PlannedStep.ffmpeg("denoise", filter, rule + filter + " (Pro)");
        }
        double temporal = clamp(t.denoisePerSigma() * sigma, 1, 40);
        String spatial = f1(HQDN3D_SPATIAL_PER_TEMPORAL * temporal);
        String filter = "hqdn3d=" + spatial + ":" + spatial + ":" + f1(temporal) + ":" + f1(temporal);
        return PlannedStep.ffmpeg("denoise", filter, rule + filter);
    }

    private static PlannedStep deblock(Analysis analysis, Template t, boolean pro) {
        String rule = "blockdetect=" + f1(analysis.blockiness()) + " > " + f1(BLOCKINESS_THRESHOLD) + " → ";
        String spp = "spp=quality=3:qp=8";
        if (pro || SPP_CODECS.contains(analysis.codec())) {
            return PlannedStep.ffmpeg("deblock", spp, rule + spp + (pro ? " (Pro)" : " for " + analysis.codec()));
        }
        String deblock = "deblock=filter=" + t.deblockMode() + ":block=8";
        return PlannedStep.ffmpeg("deblock", deblock, rule + deblock);
    }

    /**
     * What the analysis found and the plan leaves alone, and why: compression artefacts of codecs that deblock in
     * their own loop (H.264, HEVC), and the softness and banding that come with them.
     */
    public static List<String> notes(Analysis analysis) {
        List<String> notes = new ArrayList<>();
        if (analysis.blockiness() > BLOCKINESS_THRESHOLD) {
            notes.add("blockdetect=" + f1(analysis.blockiness()) + " > " + f1(BLOCKINESS_THRESHOLD)
                    + (BLOCK_DCT_CODECS.contains(analysis.codec())
                            ? ": " + analysis.codec() + " compression artefacts; "
                                    + "its decoder already deblocks in the loop, and a post-filter measured no gain against a clean "
                                    + "original (deblock −0.02 dB, spp +0.03 dB at CRF 38), so they are left as they are"
                            : "")
                    + (analysis.blur() > SOFT_BLUR_THRESHOLD
                            ? "; softness (blur=" + f2(analysis.blur())
                                    + ") is compression loss, which sharpening does not bring back (cas −0.1 dB)"
                            : "")
                    + (analysis.bandingPercent() > BANDING_THRESHOLD_PERCENT
                            ? "; contours (banding=" + f2(analysis.bandingPercent())
                                    + "%) come from the compression, not deband's 8-bit steps"
                            : ""));
        }
        return List.copyOf(notes);
    }

    private static PlannedStep frameRate(double sourceFps, int targetFps, boolean pro) {
        String rule = "fps " + f2(sourceFps) + " → " + targetFps;
        if (pro) {
            String filter = "minterpolate=fps=" + targetFps + ":mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1";
            return PlannedStep.ffmpeg("frame-rate", filter, rule + ": motion-compensated interpolation (Pro)");
        }
        return PlannedStep.ffmpeg(
                "frame-rate",
                "fps=" + targetFps,
                rule + ": frames duplicated or dropped (motion interpolation is Pro)");
    }

    private static List<PlannedStep> resize(Analysis analysis, Integer targetHeight) {
        int height = analysis.height();
        if (targetHeight != null) {
            int even = targetHeight / 2 * 2;
            if (even != height) {
                List<PlannedStep> steps = new ArrayList<>();
                String scale = "scale=-2:" + even + ":flags=lanczos";
                steps.add(PlannedStep.ffmpeg(
                        "scale", scale, "target height " + even + " ≠ source " + height + " → lanczos"));
                if (even > height) {
                    steps.add(PlannedStep.ffmpeg(
                            "upscale-sharpen",
                            "unsharp=5:5:0.6",
                            "upscaling " + height + " → " + even + " → unsharp 5:5:0.6"));
                }
                return steps;
            }
        }
        if (analysis.width() % 2 != 0 || height % 2 != 0) {
            return List.of(PlannedStep.ffmpeg(
                    "even-size",
                    "crop=trunc(iw/2)*2:trunc(ih/2)*2",
                    analysis.width() + "x" + height + " is odd → crop to even for 4:2:0 output"));
        }
        return List.of();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
