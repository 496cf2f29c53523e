package io.vodkit.emulator.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    private final ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(20));

    @Test
    void capturesStdoutAndStderrTail() throws MediaException {
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "echo out; echo err >&2"));

        assertThat(result).isEqualTo(new ProcessResult(0, "out\n", "err"));
    }

    @Test
    void drainsOutputLargerThanThePipeBuffers() throws MediaException {
        ProcessResult result = runner.run(List.of(
                "/bin/sh", "-c", "head -c 3000000 /dev/zero | tr '\\0' e; head -c 3000000 /dev/zero | tr '\\0' f >&2"));

        assertThat(result.stdout()).hasSize(3_000_000);
        assertThat(result.stderrTail()).hasSizeLessThanOrEqualTo(2000);
    }

    @Test
    void keepsOnlyTheLastStderrLines() throws MediaException {
        ProcessResult result = runner.run(List.of("/bin/sh", "-c", "for i in $(seq 1 100); do echo line$i >&2; done"));

        List<String> lines = result.stderrTail().lines().toList();
        assertThat(lines)
                .hasSize(ProcessRunner.STDERR_TAIL_LINES)
                .endsWith("line100")
                .doesNotContain("line70");
    }

    @Test
    void nonZeroExitNamesBinaryAndStderrTail() {
        assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "echo 'bad input' >&2; exit 3")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("sh exited with status 3")
                .hasMessageContaining("bad input");
    }

    @Test
    void missingBinaryIsAClearError() {
        assertThatThrownBy(() -> runner.run(List.of("/nonexistent/ffmpeg", "-version")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("cannot start /nonexistent/ffmpeg");
    }

    @Test
    void timeoutKillsAHungProcess() {
        ProcessRunner quick = new ProcessRunner(Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> quick.run(List.of("sleep", "30")))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("sleep did not finish within PT0.3S");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(p -> p.info().command().orElse("").endsWith("sleep")))
                .isEmpty();
    }

    @Test
    void interruptKillsTheProcessAndRestoresTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> runner.run(List.of("sleep", "30")))
                    .isInstanceOf(MediaException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void streamsStdinThroughTheProcessToStdout() throws MediaException {
        byte[] payload = "x".repeat(1_000_000).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream received = new ByteArrayOutputStream();

        ProcessResult result = runner.run(List.of("cat"), out -> out.write(payload), in -> in.transferTo(received));

        assertThat(result.stdout()).isEmpty();
        assertThat(received.toByteArray()).isEqualTo(payload);
    }

    @Test
    void failingStdoutReaderFailsTheRunAndStopsTheProcess() {
        AtomicLong read = new AtomicLong();

        assertThatThrownBy(() -> runner.run(List.of("/bin/sh", "-c", "while true; do echo y; done"), null, in -> {
                    read.addAndGet(in.read(new byte[10]));
                    throw new MediaException("reader gave up");
                }))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("reader gave up");
        assertThat(read.get()).isPositive();
    }
}
