package io.vodkit.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSkewTest {
    private static final Instant SERVER = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aFewSecondsAreFine() {
        Check check = ClockSkew.between(SERVER.minusSeconds(3), SERVER).check();

        assertThat(check.ok()).isTrue();
        assertThat(check.detail()).isEqualTo("the local clock is 3 s behind the server's");
    }

    @Test
    void minutesOffAreAWarning() {
        Check check = ClockSkew.between(SERVER.plusSeconds(5 * 60 + 7), SERVER).check();

        assertThat(check.ok()).isTrue();
        assertThat(check.detail()).startsWith("warning: the local clock is 5 min 7 s ahead of the server's");
    }

    @Test
    void moreThanFifteenMinutesFailsBecauseTheServiceRefusesTheSignature() {
        Check check = ClockSkew.between(SERVER.minusSeconds(20 * 60), SERVER).check();

        assertThat(check.ok()).isFalse();
        assertThat(check.essential()).isTrue();
        assertThat(check.detail()).contains("20 min 0 s behind").contains("refuses requests signed more than 15 min");
    }
}
