package io.vodkit.cli.compare;

import io.vodkit.emulator.media.ComparisonJson;
import io.vodkit.emulator.media.ReferenceScore;
import java.util.Map;

/**
 * A full-reference score of one video against another, or why none could be taken.
 *
 * @param score the score, or {@code null} when the two do not show the same content
 * @param reason why they are not comparable, or {@code null}
 */
record Fidelity(ReferenceScore score, String reason) {

    boolean comparable() {
        return score != null;
    }

    Map<String, Object> json() {
        Map<String, Object> json = ComparisonJson.scores(score);
        if (score.seconds() > 0) {
            json.put(
                    "window",
                    Map.of(
                            "start_s",
                            ComparisonJson.round(score.startSeconds(), 2),
                            "seconds",
                            ComparisonJson.round(score.seconds(), 2)));
        }
        return json;
    }
}
