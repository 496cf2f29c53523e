package io.vodkit.cli.compare;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * BEFORE and AFTER at one moment, at the same size (AFTER scaled to BEFORE's), with the most detailed region and
 * the measures of these two frames.
 *
 * @param crop the most detailed region of BEFORE, in the frames' pixels
 * @param noiseBefore σ̂ of BEFORE's frame
 * @param noiseAfter σ̂ of AFTER's frame
 * @param bandingBefore banding % of BEFORE's frame
 * @param bandingAfter banding % of AFTER's frame
 * @param psnr Y-PSNR of AFTER's frame against BEFORE's (dB), or {@code NaN} when they are not comparable
 */
record Moment(
        double seconds,
        BufferedImage before,
        BufferedImage after,
        Rectangle crop,
        double noiseBefore,
        double noiseAfter,
        double bandingBefore,
        double bandingAfter,
        double psnr) {}
