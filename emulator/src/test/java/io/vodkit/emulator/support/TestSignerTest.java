package io.vodkit.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The test-only signer must reproduce the captured official-SDK signatures before tests may rely on it. */
class TestSignerTest {

    static Iterable<SignatureVectors.Vector> vectors() {
        return SignatureVectors.all();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void reproducesCapturedAuthorization(SignatureVectors.Vector v) {
        Map<String, String> signed = new TreeMap<>();
        v.headers().forEach((k, value) -> signed.put(k.toLowerCase(Locale.ROOT), value));
        String payloadHash = TestSigner.sha256(v.body().getBytes(StandardCharsets.UTF_8));

        String authorization = TestSigner.authorization(
                v.accessKey(), v.secretKey(), v.region(), v.method(), v.query(), signed, payloadHash);

        assertThat(authorization).isEqualTo(v.expectedAuthorization());
    }
}
