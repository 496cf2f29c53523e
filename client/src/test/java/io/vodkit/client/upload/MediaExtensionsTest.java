package io.vodkit.client.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaExtensionsTest {

    @ParameterizedTest
    @CsvSource({
        "clip.mp4, true",
        "CLIP.MOV, true",
        "dir/song.Mp3, true",
        "a.b.mkv, true",
        "tone.wav, true",
        "notes.txt, false",
        "cover.jpg, false",
        "list.m3u8, false",
        "mp4, false",
        ".mp4, false",
        "clip., false",
        "clip.mp4.part, false"
    })
    void mediaIsRecognisedByItsExtensionInAnyCase(String name, boolean media) {
        assertThat(MediaExtensions.isMedia(Path.of(name))).isEqualTo(media);
    }

    @Test
    void theDescriptionListsEveryExtensionOnceInOrder() {
        assertThat(MediaExtensions.describe())
                .startsWith(".aac, .amr, .asf, .avi")
                .contains(".mp4")
                .contains(".wav")
                .doesNotContain(".m3u8");
    }
}
