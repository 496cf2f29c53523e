package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.support.TestEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataFolder}: who serves a data folder, joining it, starting one, and stopping it. */
class DataFolderTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    @Test
    void anEmulatorInThisProcessIsServingAndJoinedWithoutStartingAnother() throws IOException {
        Path data = tmp.resolve("data");
        DataFolder folder = DataFolder.of(data);
        assertThat(folder.serving()).isEmpty();
        assertThat(folder.inUse()).isFalse();
        try (Emulator vod = Emulator.start(TestEmulator.config(data))) {
            assertThat(folder.serving()).get().extracting(OwnerInfo::endpoint).isEqualTo(vod.endpoint());
            assertThat(folder.inUse()).isTrue();
            DataFolder.Joined joined = folder.joinOrStart(
                    () -> {
                        throw new AssertionError("nothing is started while one serves");
                    },
                    1,
                    WAIT,
                    () -> true);
            assertThat(joined)
                    .isEqualTo(new DataFolder.Joined.Serving(folder.serving().orElseThrow(), false));
            assertThatThrownBy(() -> folder.stop(WAIT, () -> true))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("runs in this process");
        }
        assertThat(folder.serving()).isEmpty();
        assertThat(folder.stop(WAIT, () -> true)).as("none to stop").isEmpty();
    }

    @Test
    void aStartedProcessThatNeverServesIsStartedAgainThenReportedWithItsExitCode() throws IOException {
        AtomicInteger starts = new AtomicInteger();
        DataFolder.Joined joined = DataFolder.of(tmp.resolve("data"))
                .joinOrStart(
                        () -> {
                            starts.incrementAndGet();
                            return new ProcessBuilder(
                                            Path.of(System.getProperty("java.home"), "bin", "java")
                                                    .toString(),
                                            "-version")
                                    .redirectErrorStream(true)
                                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                    .start();
                        },
                        2,
                        WAIT,
                        () -> true);

        assertThat(joined).isEqualTo(new DataFolder.Joined.Exited(0));
        assertThat(starts).hasValue(2);
    }

    @Test
    void aStopRequestEndsTheWait() throws IOException {
        DataFolder.Joined joined = DataFolder.of(tmp.resolve("data"))
                .joinOrStart(
                        () -> new ProcessBuilder(
                                        Path.of(System.getProperty("java.home"), "bin", "java")
                                                .toString(),
                                        "-version")
                                .redirectErrorStream(true)
                                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                                .start(),
                        1,
                        WAIT,
                        () -> false);

        assertThat(joined).isEqualTo(new DataFolder.Joined.Stopped());
    }
}
