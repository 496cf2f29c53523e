package io.vodkit.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A restoration job's report as {@code vodkit jobs} and {@code vodkit compare} show it: what was found, what was done
 * (each step with the measurement that called for it) or why the picture was left as it is, the picture measures
 * before and after on the frames analysed, and how the output was sized.
 */
public final class RestorationSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RestorationSummary() {}

    /** The summary of a report stored as JSON text; empty for no report or an unreadable one. */
    public static Optional<Map<String, Object>> of(String reportJson) {
        if (reportJson == null || reportJson.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode report = JSON.readTree(reportJson);
            return report != null && report.isObject() ? Optional.of(of(report)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static Map<String, Object> of(JsonNode report) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<String> done = new ArrayList<>();
        report.path("steps").forEach(step -> done.add(step.path("reason").asText()));
        json.put("done", done);
        if (report.hasNonNull("leftAsIs")) {
            json.put("left_as_is", report.path("leftAsIs").asText());
        }
        List<String> notes = new ArrayList<>();
        report.path("notes").forEach(note -> notes.add(note.asText()));
        if (!notes.isEmpty()) {
            json.put("found_not_repaired", notes);
        }
        json.put("before", measures(report.path("before")));
        json.put("after", measures(report.path("after")));
        json.put("frames_analysed", report.path("before").path("framesAnalysed").asInt());
        if (report.hasNonNull("sizeRatio")) {
            json.put("size_ratio", Math.round(report.path("sizeRatio").asDouble() * 1000) / 1000.0);
        }
        if (report.hasNonNull("rate")) {
            json.put("rate", report.path("rate").asText());
        }
        json.put("restore_fps", Math.round(report.path("framesPerSecond").asDouble() * 10) / 10.0);
        return json;
    }

    private static Map<String, Object> measures(JsonNode a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("size", a.path("width").asInt() + "x" + a.path("height").asInt());
        json.put("noise", round(a.path("noiseSigma")));
        json.put("blockiness", round(a.path("blockiness")));
        json.put("blur", round(a.path("blur")));
        json.put("banding_percent", round(a.path("bandingPercent")));
        json.put("flicker_percent", round(a.path("flickerPercent")));
        json.put("damaged_percent", round(a.path("damage").path("damagedPixelPercent")));
        return json;
    }

    private static double round(JsonNode value) {
        return Math.round(value.asDouble() * 100) / 100.0;
    }
}
