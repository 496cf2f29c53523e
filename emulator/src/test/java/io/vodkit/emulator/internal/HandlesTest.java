package io.vodkit.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandlesTest {
    @Test
    void closesNewestFirstAndEveryOneDespiteFailuresThenRethrowsTheFirstUncheckedOne() {
        List<String> closed = new ArrayList<>();
        Handles handles = new Handles();
        handles.add(() -> closed.add("database"));
        handles.add((AutoCloseable) () -> {
            closed.add("owner");
            throw new IOException("logged, not thrown");
        });
        handles.add(() -> {
            closed.add("workers");
            throw new IllegalStateException("second");
        });
        handles.add(() -> {
            closed.add("server");
            throw new IllegalStateException("first");
        });

        assertThatThrownBy(handles::close)
                .hasMessage("first")
                .satisfies(e -> assertThat(e.getSuppressed())
                        .extracting(Throwable::getMessage)
                        .containsExactly("second"));
        assertThat(closed).containsExactly("server", "workers", "owner", "database");

        handles.close();
        assertThat(closed).as("each is closed once").hasSize(4);
    }
}
