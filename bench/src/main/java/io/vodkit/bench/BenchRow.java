package io.vodkit.bench;

/**
 * The measured outcome of one {@link BenchCase}.
 *
 * @param benchCase the job
 * @param psnrBefore Y-PSNR of the degraded clip against the clean one, in dB
 * @param psnrAfter Y-PSNR of the restored clip against the clean one, in dB
 * @param ssimBefore SSIM of the degraded clip
 * @param ssimAfter SSIM of the restored clip
 * @param medianFps median restoration-pass frames per second over the runs
 * @param medianJobSeconds median wall time of the whole job (analyses included)
 * @param medianCpuSeconds median CPU time (user + system, restorer and ffmpeg) of the whole job
 * @param videoSeconds length of the output video (frames ÷ frame rate)
 * @param frames frames in the output video
 * @param sizeRatio output file size ÷ input file size
 * @param leftAsIs whether the engine left the picture as it is (video stream copied)
 * @param chain the steps that ran
 */
record BenchRow(
        BenchCase benchCase,
        double psnrBefore,
        double psnrAfter,
        double ssimBefore,
        double ssimAfter,
        double medianFps,
        double medianJobSeconds,
        double medianCpuSeconds,
        double videoSeconds,
        long frames,
        double sizeRatio,
        boolean leftAsIs,
        String chain) {

    /** Cores the bench machine has; "real time" means the job's CPU time spread over all of them. */
    static final int CORES = 2;

    double psnrGain() {
        return psnrAfter - psnrBefore;
    }

    /** Video seconds restored per second of {@link #CORES} cores' CPU time: 1 is real time. */
    double realTimeByCpu() {
        return videoSeconds / (medianCpuSeconds / CORES);
    }

    /** Output frames per second of {@link #CORES} cores' CPU time for the whole job (analyses included). */
    double framesPerSecondByCpu() {
        return frames / (medianCpuSeconds / CORES);
    }

    /** The rule: as close to the clean original as the input (Y-PSNR and SSIM), or left as it is. */
    String verdict() {
        if (leftAsIs) {
            return "left as is";
        }
        boolean notWorse = psnrAfter >= psnrBefore - 0.005 && ssimAfter >= ssimBefore - 0.0005;
        return notWorse ? "better" : "WORSE";
    }
}
