package io.vodkit.client.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.VodException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UrlPullRequestTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://example.com/video.mp4, .mp4",
        "http://example.com/a/b/CLIP.MOV?sig=1.2#t=3, .mov",
        "HTTPS://example.com:8443/x.y/song.mp3, .mp3",
        "https://example.com/my%20clip.webm, .webm"
    })
    void theExtensionComesFromTheUrlPath(String url, String extension) {
        UrlPullRequest request = UrlPullRequest.of(url);

        assertThat(request.fileExtension()).isEqualTo(extension);
        assertThat(request.toUrlSet().fileExtension()).isEqualTo(extension);
        assertThat(request.toUrlSet().sourceUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://example.com/video",
                "https://example.com/",
                "https://example.com",
                "https://example.com/dir.d/",
                "https://example.com/clip.",
                "ftp://example.com/a.mp4",
                "http:///a.mp4",
                "https://exa mple.com/a.mp4"
            })
    void urlsWithoutAnExtensionOrNotHttpAreRefused(String url) {
        assertThatThrownBy(() -> UrlPullRequest.of(url))
                .isInstanceOf(VodException.class)
                .hasMessageContaining(url);
    }

    @ParameterizedTest
    @CsvSource({
        "https://x/a.mp4, true",
        "HTTP://x/a.mp4, true",
        "/tmp/a.mp4, false",
        "@urls.txt, false",
        "httpfile.mp4, false"
    })
    void urlsAreRecognisedByTheirScheme(String text, boolean isUrl) {
        assertThat(UrlPullRequest.isUrl(text)).isEqualTo(isUrl);
    }
}
