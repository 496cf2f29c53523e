package io.vodkit.emulator.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeAUrlAuthTest {
    // Spec §10.6 computed example: uri /path/to/output.mp4, ts 1767229200, rand AbCdEfGh12345678, key examplekey123.
    private static final String VALID = "1767229200-AbCdEfGh12345678-0-5648b8335215380c193070a67a561d83";
    private static final TypeAUrlAuth AUTH =
            new TypeAUrlAuth(List.of("masterkey000", "examplekey123"), Duration.ofSeconds(1800));

    @ParameterizedTest(name = "{0} at +{2}s → {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            value = {
                "/path/to/output.mp4 | " + VALID + " | 0    | VALID",
                "/path/to/output.mp4 | " + VALID + " | 1800 | VALID",
                "/path/to/output.mp4 | " + VALID + " | 1801 | EXPIRED",
                "/path/to/output.mp4 | " + VALID + " | -600 | VALID",
                "/path/to/other.mp4  | " + VALID + " | 0    | TAMPERED",
                "/path/to/output.mp4 | 1767229201-AbCdEfGh12345678-0-5648b8335215380c193070a67a561d83 | 0 | TAMPERED",
                "/path/to/output.mp4 | 1767229200-AbCdEfGh12345679-0-5648b8335215380c193070a67a561d83 | 0 | TAMPERED",
                "/path/to/output.mp4 | 1767229200-AbCdEfGh12345678-0-5648b8335215380c193070a67a561d84 | 0 | TAMPERED",
                "/path/to/output.mp4 | null | 0 | MISSING",
                "/path/to/output.mp4 | abc-AbCdEfGh12345678-0-5648b8335215380c193070a67a561d83 | 0 | MALFORMED",
                "/path/to/output.mp4 | 1767229200-AbCdEfGh12345678-5648b8335215380c193070a67a561d83 | 0 | MALFORMED",
            })
    void verifiesTypeASignatures(String uri, String authKey, long offsetSeconds, TypeAUrlAuth.Verdict expected) {
        Instant now = Instant.ofEpochSecond(1767229200L + offsetSeconds);

        assertThat(AUTH.verify(Set.of(uri), authKey, now)).isEqualTo(expected);
    }
}
