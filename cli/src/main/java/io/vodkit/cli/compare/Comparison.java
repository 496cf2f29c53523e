package io.vodkit.cli.compare;

import io.vodkit.emulator.media.ComparisonJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Comparer} found.
 *
 * @param afterVsBefore AFTER scored against BEFORE
 * @param reference both scored against a clean original, or {@code null}
 */
record Comparison(Side before, Side after, Fidelity afterVsBefore, Reference reference) {

    /** BEFORE and AFTER each scored against the clean original. */
    record Reference(Side clean, Fidelity before, Fidelity after) {

        /** "after", "before", "same", "mixed" (PSNR and SSIM disagree), or "unknown" (not comparable). */
        String closer() {
            if (!before.comparable() || !after.comparable()) {
                return "unknown";
            }
            double dPsnr = after.score().psnr().y() - before.score().psnr().y();
            double dSsim = after.score().ssim().all() - before.score().ssim().all();
            int psnrSign = Math.abs(dPsnr) < 0.05 ? 0 : (int) Math.signum(dPsnr);
            int ssimSign = Math.abs(dSsim) < 0.0005 ? 0 : (int) Math.signum(dSsim);
            if (psnrSign == 0 && ssimSign == 0) {
                return "same";
            }
            if (psnrSign >= 0 && ssimSign >= 0) {
                return "after";
            }
            if (psnrSign <= 0 && ssimSign <= 0) {
                return "before";
            }
            return "mixed";
        }
    }

    /** True when AFTER shows the same content as BEFORE, so it was scored against it. */
    boolean comparable() {
        return afterVsBefore.comparable();
    }

    /** The JSON line: both sides, the verdict per measure, the scores; {@code picture} is added by the caller. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("before", side(before));
        json.put("after", side(after));
        json.put("changes", changes());
        json.put("comparable", afterVsBefore.comparable());
        if (afterVsBefore.comparable()) {
            if (!before.size().equals(after.size())) {
                json.put("scaled", "AFTER " + after.size() + " scaled to BEFORE's " + before.size());
            }
            json.put("after_vs_before", afterVsBefore.json());
        } else {
            json.put("reason", afterVsBefore.reason());
        }
        if (reference != null) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("source", reference.clean().source());
            ref.put("before", fidelity(reference.before()));
            ref.put("after", fidelity(reference.after()));
            ref.put("closer", reference.closer());
            json.put("reference", ref);
        }
        return json;
    }

    /** Per measure: is AFTER better, worse or the same as BEFORE. */
    Map<String, List<String>> changes() {
        return ComparisonJson.changes(before.measures(), after.measures());
    }

    private static Map<String, Object> fidelity(Fidelity f) {
        return f.comparable() ? f.json() : Map.of("comparable", false, "reason", f.reason());
    }

    private static Map<String, Object> side(Side side) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", side.source());
        json.put("file", side.file().toString());
        json.putAll(ComparisonJson.stream(side.probe()));
        json.put("has_audio", side.probe().hasAudio());
        json.put("measures", ComparisonJson.measures(side.measures()));
        return json;
    }
}
