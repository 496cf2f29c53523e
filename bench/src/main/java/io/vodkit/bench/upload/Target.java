package io.vodkit.bench.upload;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The arguments every uploader child takes: {@code ENDPOINT ACCESS_KEY SECRET_KEY SPACE FILE}.
 *
 * @param endpoint the emulator's OpenAPI endpoint, {@code http://127.0.0.1:PORT}
 */
record Target(URI endpoint, String accessKey, String secretKey, String space, Path file) {

    static final String REGION = "ap-singapore-1";

    static Target parse(String[] args) {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: ENDPOINT ACCESS_KEY SECRET_KEY SPACE FILE");
        }
        return new Target(URI.create(args[0]), args[1], args[2], args[3], Path.of(args[4]));
    }

    String[] args() {
        return new String[] {endpoint.toString(), accessKey, secretKey, space, file.toString()};
    }

    /** The settings that point {@code vodkit} (the CLI) at this target, with {@code home} as its VODKIT_HOME. */
    Map<String, String> cliEnvironment(Path home) {
        return Map.of(
                "VOD_ENDPOINT", endpoint.toString(),
                "BYTEPLUS_ACCESSKEY", accessKey,
                "BYTEPLUS_SECRETKEY", secretKey,
                "VOD_SPACE_NAME", space,
                "VODKIT_HOME", home.toString());
    }

    /** {@code 127.0.0.1:PORT}. */
    String hostPort() {
        return endpoint.getAuthority();
    }
}
