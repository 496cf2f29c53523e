package io.vodkit.emulator.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The captured official-SDK requests in {@code src/test/resources/signature-vectors.json}. */
public final class SignatureVectors {

    public record Vector(
            String accessKey,
            String secretKey,
            String region,
            String method,
            String query,
            Map<String, String> headers,
            String body,
            String expectedAuthorization) {
        @Override
        public String toString() {
            return method + " " + query.substring(Math.max(0, query.indexOf("Action=")));
        }
    }

    private SignatureVectors() {}

    public static List<Vector> all() {
        try (InputStream in = SignatureVectors.class.getResourceAsStream("/signature-vectors.json")) {
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode v : new ObjectMapper().readTree(in)) {
                Map<String, String> headers = new LinkedHashMap<>();
                v.get("headers")
                        .fields()
                        .forEachRemaining(
                                e -> headers.put(e.getKey(), e.getValue().asText()));
                vectors.add(new Vector(
                        v.get("access_key").asText(),
                        v.get("secret_key").asText(),
                        v.get("region").asText(),
                        v.get("method").asText(),
                        v.get("query").asText(),
                        headers,
                        v.get("body").asText(),
                        v.get("expected_authorization").asText()));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
