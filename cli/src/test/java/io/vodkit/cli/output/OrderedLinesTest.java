package io.vodkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedLinesTest {
    private final StringWriter stdout = new StringWriter();
    private final OrderedLines lines = new OrderedLines(
            new JsonLines(new PrintWriter(stdout)),
            ProgressDisplay.forFiles(
                    3, 3, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false));

    @Test
    void eachLineGoesOutAsSoonAsTheLinesBeforeItHave() {
        lines.put(2, Map.of("n", 2));
        assertThat(stdout.toString()).isEmpty();

        lines.put(0, Map.of("n", 0));
        assertThat(stdout.toString()).isEqualTo("{\"n\":0}" + System.lineSeparator());

        lines.put(1, Map.of("n", 1));
        assertThat(stdout.toString().lines()).containsExactly("{\"n\":0}", "{\"n\":1}", "{\"n\":2}");
    }

    @Test
    void aLineGivenTwiceIsABug() {
        lines.put(0, Map.of());
        lines.put(2, Map.of());

        assertThatThrownBy(() -> lines.put(0, Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> lines.put(2, Map.of())).isInstanceOf(IllegalStateException.class);
    }
}
