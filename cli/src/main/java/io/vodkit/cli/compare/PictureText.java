package io.vodkit.cli.compare;

import io.vodkit.emulator.media.Measure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The words printed with the picture (PNG and HTML alike): a header for the whole, three lines per moment. */
final class PictureText {
    private PictureText() {}

    static List<String> header(Comparison c) {
        List<String> lines = new ArrayList<>();
        lines.add("vodkit compare: BEFORE (left) | AFTER (right); zoomed below: the most detailed region, 2×");
        lines.add("BEFORE " + describe(c.before()));
        lines.add("AFTER  " + describe(c.after()));
        if (c.comparable()) {
            var s = c.afterVsBefore().score();
            lines.add("AFTER vs BEFORE: Y-PSNR " + Numbers.format(s.psnr().y(), 2) + " dB, SSIM "
                    + Numbers.format(s.ssim().all(), 4)
                    + (c.reference() == null
                            ? ""
                            : " · closer to the reference: " + c.reference().closer()));
        } else {
            lines.add("not comparable: " + c.afterVsBefore().reason());
        }
        StringBuilder measures = new StringBuilder();
        for (Measure m : Measure.ALL) {
            measures.append(measures.isEmpty() ? "" : " · ")
                    .append(m.name())
                    .append(' ')
                    .append(Numbers.format(m.value(c.before().measures()), 2))
                    .append(" → ")
                    .append(Numbers.format(m.value(c.after().measures()), 2));
        }
        Map<String, List<String>> changes = c.changes();
        lines.add(measures.toString());
        lines.add("lower is better for all of these; AFTER is better in: " + list(changes.get("better"))
                + "; worse in: " + list(changes.get("worse")));
        return lines;
    }

    static List<String> moment(Moment m, int index, int count) {
        String crop = "zoomed region x " + m.crop().x + ", y " + m.crop().y + ", " + m.crop().width + "×"
                + m.crop().height + " px";
        return List.of(
                "moment " + (index + 1) + "/" + count + " at " + Numbers.format(m.seconds(), 2) + " s · " + crop,
                "BEFORE: noise σ " + Numbers.format(m.noiseBefore(), 2) + " · banding "
                        + Numbers.format(m.bandingBefore(), 2) + " %",
                "AFTER: noise σ " + Numbers.format(m.noiseAfter(), 2) + " · banding "
                        + Numbers.format(m.bandingAfter(), 2) + " %"
                        + (Double.isNaN(m.psnr()) ? "" : " · Y-PSNR vs BEFORE " + Numbers.format(m.psnr(), 2) + " dB"));
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String describe(Side s) {
        return s.source() + " · " + s.size() + " · " + Numbers.format(s.video().fps(), 2) + " fps · "
                + Numbers.format(s.probe().durationSeconds(), 2) + " s · "
                + Math.round(s.probe().bitRate() / 1000.0) + " kb/s · "
                + s.probe().sizeBytes() + " bytes";
    }
}
