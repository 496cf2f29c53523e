package io.vodkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vodkit.emulator.restore.RestoreSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTableTest {

    @Test
    void rendersOneLinePerRowWithTheGain() {
        BenchCase benchCase = new BenchCase(
                "noise", Path.of("n.mp4"), Path.of("c.mkv"), new RestoreSpec("common", RestoreSpec.PRO, null, null, 8));
        BenchRow row = new BenchRow(
                benchCase,
                30.42,
                40.13,
                0.5839,
                0.9802,
                16.4,
                4.56,
                8.0,
                2.0,
                50,
                0.42,
                false,
                "nlmeans=s=6.4:p=5:r=9");

        String table = MarkdownTable.render(List.of(row), new BenchOptions(3, 2, Path.of("out"), ""), 1.25);

        assertThat(table.lines()).hasSize(5);
        assertThat(table)
                .contains("medians of 3 runs; whole bench 1.3 min")
                .contains(
                        "| noise | common | Pro | 30.42 → 40.13 | +9.71 | 0.5839 → 0.9802 | better | 0.42× | 16 | 4.56 "
                                + "| 8.00 | 12.5 | 0.50 | nlmeans=s=6.4:p=5:r=9 |");
    }

    @Test
    void theVerdictFlagsARowThatGotWorseUnlessItWasLeftAsItIs() {
        BenchCase benchCase = new BenchCase("crf38", Path.of("c.mp4"), Path.of("c.mkv"), RestoreSpec.standard("aigc"));

        assertThat(new BenchRow(benchCase, 32.87, 32.73, 0.9568, 0.9503, 1, 1, 1, 2, 50, 4, false, "cas").verdict())
                .isEqualTo("WORSE");
        assertThat(new BenchRow(benchCase, 32.87, 32.87, 0.9568, 0.9568, 1, 1, 1, 2, 50, 1, true, "(none)").verdict())
                .isEqualTo("left as is");
        assertThat(new BenchRow(benchCase, 32.87, 32.90, 0.9568, 0.9566, 1, 1, 1, 2, 50, 1, false, "x").verdict())
                .isEqualTo("better");
    }
}
