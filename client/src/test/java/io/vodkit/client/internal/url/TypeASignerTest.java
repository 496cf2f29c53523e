package io.vodkit.client.internal.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.internal.Digests;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypeASignerTest {

    private final TypeASigner signer = new TypeASigner(new SplittableRandom(42));

    @Test
    void reproducesTheSpecExample() {
        String signed = signer.sign(
                "https://cdn.example.com/path/to/output.mp4", 1767229200L, "AbCdEfGh12345678", "examplekey123");

        assertThat(signed)
                .isEqualTo("https://cdn.example.com/path/to/output.mp4"
                        + "?auth_key=1767229200-AbCdEfGh12345678-0-5648b8335215380c193070a67a561d83");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // url | signed uri (what is hashed) | expected url before ?auth_key / &auth_key
                "/path/to/output.mp4|/path/to/output.mp4|/path/to/output.mp4?",
                "http://127.0.0.1:8080/a.mp4|/a.mp4|http://127.0.0.1:8080/a.mp4?",
                "https://cdn.example.com/视频/my file.mp4|/%E8%A7%86%E9%A2%91/my%20file.mp4|"
                        + "https://cdn.example.com/%E8%A7%86%E9%A2%91/my%20file.mp4?",
                "https://cdn.example.com/a.m3u8?preview=1|/a.m3u8|https://cdn.example.com/a.m3u8?preview=1&",
                "https://cdn.example.com|/|https://cdn.example.com/?",
            })
    void signsTheEncodedPath(String url, String uri, String prefix) {
        String signed = signer.sign(url, 1767229200L, "R4nd", "k3y-secret");

        String md5 = Digests.md5Hex(uri + "-1767229200-R4nd-0-k3y-secret");
        assertThat(signed).isEqualTo(prefix + "auth_key=1767229200-R4nd-0-" + md5);
    }

    @Test
    void customParameterName() {
        assertThat(signer.sign("/a.mp4", "sign", 10, "r", "key")).startsWith("/a.mp4?sign=10-r-0-");
    }

    @Test
    void randomRandIsSixteenAlphanumerics() {
        String rand = signer.randomRand();

        assertThat(rand).hasSize(16).matches("[A-Za-z0-9]{16}");
        assertThat(new TypeASigner(new SplittableRandom(42)).randomRand()).isEqualTo(rand);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"''|key", "a-b|key", "abc|''"})
    void refusesBadRandOrKey(String rand, String key) {
        assertThatThrownBy(() -> signer.sign("/a.mp4", 1, rand, key)).isInstanceOf(IllegalArgumentException.class);
    }
}
