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
 * @param chain the steps that ran
 */
record BenchRow(BenchCase benchCase, double psnrBefore, double psnrAfter, double ssimBefore, double ssimAfter,
                double medianFps, double medianJobSeconds, String chain) {

  double psnrGain() {
    return psnrAfter - psnrBefore;
  }
}
