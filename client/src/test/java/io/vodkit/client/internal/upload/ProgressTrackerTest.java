package io.vodkit.client.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vodkit.client.upload.UploadProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProgressTrackerTest {

    @Test
    void sumsAttemptsAndTakesBackFailedOnes() {
        List<UploadProgress> seen = new ArrayList<>();
        AtomicBoolean stopped = new AtomicBoolean();
        ProgressTracker tracker = new ProgressTracker(100, seen::add, stopped::get);

        ProgressTracker.Attempt first = tracker.attempt();
        first.onBytesSent(30);
        ProgressTracker.Attempt second = tracker.attempt();
        second.onBytesSent(20);
        first.rollback();
        first.rollback();

        assertThat(seen).extracting(UploadProgress::bytesSent).containsExactly(30L, 50L, 20L);
        assertThat(seen).allMatch(p -> p.totalBytes() == 100);
        assertThat(second.cancelled()).isFalse();
        stopped.set(true);
        assertThat(second.cancelled()).isTrue();
    }

    @Test
    void aThrowingListenerDoesNotBreakTheUpload() {
        ProgressTracker tracker = new ProgressTracker(
                10,
                p -> {
                    throw new IllegalStateException("listener bug");
                },
                () -> false);

        ProgressTracker.Attempt attempt = tracker.attempt();
        assertThatCode(() -> {
                    attempt.onBytesSent(5);
                    attempt.onBytesSent(5);
                })
                .doesNotThrowAnyException();
    }
}
