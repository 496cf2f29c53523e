package io.vodkit.emulator.internal.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a.mp4", "dir/sub/clip 1.mov", "übung/video.mp4", "a..b.mp4", "x", "_vodkit.mp4"})
    void acceptsOrdinaryNames(String fileName) {
        assertThatCode(() -> FileNameRules.validateFileName(fileName)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/abs.mp4",
                "a?.mp4",
                "a$.mp4",
                "a\u0007.mp4",
                "a\b.mp4",
                "a\t.mp4",
                "a\n.mp4",
                "a\u000b.mp4",
                "a\f.mp4",
                "a\r.mp4",
                "../a.mp4",
                "dir/../a.mp4",
                "dir/./a.mp4",
                "dir//a.mp4",
                "dir/",
                "a\\b.mp4",
                "a%20.mp4",
                "a#b.mp4",
                "_vodkit/posters/x.jpg"
            })
    void refusesForbiddenNames(String fileName) {
        assertThatThrownBy(() -> FileNameRules.validateFileName(fileName))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.error()).isEqualTo(ApiError.INVALID_PARAMETER);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("FileName");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 2049})
    void limitsNameLengthInBytes(int bytes) {
        String name = "a".repeat(bytes);
        if (bytes <= 2048) {
            assertThatCode(() -> FileNameRules.validateFileName(name)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> FileNameRules.validateFileName(name)).isInstanceOf(ApiException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {".mp4", ".m3u8", ".tar.gz", ".1234567"})
    void acceptsExtensions(String extension) {
        assertThatCode(() -> FileNameRules.validateExtension(extension)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mp4", ".", ".12345678", "./mp4", ".mp 4"})
    void refusesExtensions(String extension) {
        assertThatThrownBy(() -> FileNameRules.validateExtension(extension))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("FileExtension");
    }
}
