package io.vodkit.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.vodkit.bench.upload.SmallUploadBench.Row;
import io.vodkit.bench.upload.SmallUploadBench.Timing;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallUploadBenchTest {

    @Test
    void childCpuIsUserPlusSystemFromTheSecondLineOfTimes() {
        assertThat(SmallUploadBench.childCpuSeconds("0m0.002s 0m0.001s\n0m0.512s 0m0.088s\n"))
                .isCloseTo(0.6, within(1e-9));
        assertThat(SmallUploadBench.childCpuSeconds("0m0.002s 0m0.001s\n1m2.500s 0m0.500s\n"))
                .isCloseTo(63.0, within(1e-9));
        assertThatThrownBy(() -> SmallUploadBench.childCpuSeconds("real 0.5\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsAreMediansWithTheirRatioToTheJvmStartAndTheBoundsVerdict() {
        Row floor = new Row(
                "java -version", List.of(new Timing(0.05, 0.02), new Timing(0.07, 0.04), new Timing(0.06, 0.03)));
        Row fast = new Row("fast", List.of(new Timing(0.5, 0.7), new Timing(0.4, 0.6), new Timing(0.9, 0.9)));
        Row slow = new Row("slow", List.of(new Timing(0.9, 0.7), new Timing(0.8, 0.6), new Timing(0.7, 0.5)));

        String table = SmallUploadBench.render(List.of(floor, fast, slow), 3);

        assertThat(table)
                .contains("| java -version | 0.06 | 0.03 | 1.0× | 1.0× | — |")
                .contains("| fast | 0.50 | 0.70 | 8.3× | 23.3× | yes |")
                .contains("| slow | 0.80 | 0.60 | 13.3× | 20.0× | no (wall) |");
    }
}
