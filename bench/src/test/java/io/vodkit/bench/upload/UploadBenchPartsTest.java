package io.vodkit.bench.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.api.UploadFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadBenchPartsTest {
    @TempDir
    Path dir;

    @Test
    void readsStatusFields() {
        String status = "Name:\tjava\nVmPeak:\t 5000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t   65432 kB\n";

        assertThat(PeakRss.parse(status, "VmHWM:")).hasValue(123456);
        assertThat(PeakRss.parse(status, "VmRSS:")).hasValue(65432);
        assertThat(PeakRss.parse(status, "VmSwap:")).isEmpty();
    }

    @Test
    void readsThisProcessHighWaterMark() {
        long pid = ProcessHandle.current().pid();

        assertThat(PeakRss.highWaterKib(pid).orElseThrow())
                .isGreaterThanOrEqualTo(PeakRss.currentKib(pid).orElseThrow() / 2);
    }

    @Test
    void reportLineRoundTrips() {
        RunReport report = new RunReport(1234.5, 98765, 3.25);

        assertThat(RunReport.parse(report.line())).isEqualTo(report);
        assertThatThrownBy(() -> RunReport.parse("elapsedMs=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsHaveDefaultsAndParse() {
        UploadBenchOptions defaults = UploadBenchOptions.parse(new String[0]);
        assertThat(defaults.runs()).isEqualTo(3);
        assertThat(defaults.sizesMib()).containsExactly(8, 64, 512);
        assertThat(defaults.links()).containsExactly(Link.LOOPBACK, Link.SHAPED);
        assertThat(defaults.big()).isFalse();
        assertThat(defaults.floorMib()).isEqualTo(1024);

        UploadBenchOptions given = UploadBenchOptions.parse(new String[] {
            "--runs", "5", "--sizes", "1, 2", "--links", "shaped", "--big", "--out", "x", "--floor-mib", "0"
        });
        assertThat(given)
                .isEqualTo(new UploadBenchOptions(5, List.of(1, 2), List.of(Link.SHAPED), true, Path.of("x"), 0));
        assertThatThrownBy(() -> UploadBenchOptions.parse(new String[] {"--links", "wifi"}))
                .hasMessageContaining("wifi");
        assertThatThrownBy(() -> UploadBenchOptions.parse(new String[] {"--runs", "0"}))
                .hasMessageContaining("--runs");
    }

    @Test
    void theOfficialSdkAsksForVodkitsDefaultFunctions() {
        assertThat(OfficialSdkUpload.FUNCTIONS).isEqualTo(UploadFunction.jsonArray(UploadFunction.defaults()));
    }

    @Test
    void everyUploaderLeadsInTurn() {
        assertThat(UploadBench.order(1))
                .containsExactly(Contender.VODKIT, Contender.OFFICIAL_SDK, Contender.SINGLE_STREAM);
        assertThat(UploadBench.order(2))
                .containsExactly(Contender.OFFICIAL_SDK, Contender.SINGLE_STREAM, Contender.VODKIT);
        assertThat(UploadBench.order(3))
                .containsExactly(Contender.SINGLE_STREAM, Contender.VODKIT, Contender.OFFICIAL_SDK);
        assertThat(UploadBench.order(4)).isEqualTo(UploadBench.order(1));
    }

    @Test
    void randomFilesHaveTheSizeAndAreReproducible() throws IOException {
        Path a = UploadBench.randomFile(dir.resolve("a.mp4"), 1_500_000, 7);
        Path b = UploadBench.randomFile(dir.resolve("b.mp4"), 1_500_000, 7);

        assertThat(Files.size(a)).isEqualTo(1_500_000);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1);
    }
}
