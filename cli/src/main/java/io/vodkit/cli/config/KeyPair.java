package io.vodkit.cli.config;

import io.vodkit.cli.CliException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The credentials found in the settings, and the variables they came from: {@code BYTEPLUS_ACCESSKEY} /
 * {@code BYTEPLUS_SECRETKEY}, else the official skill's legacy {@code VOLCENGINE_ACCESS_KEY} /
 * {@code VOLCENGINE_SECRET_KEY}. A pair is taken whole: one key without the other is refused, naming the one missing,
 * rather than falling back to the other pair or to the local emulator.
 */
record KeyPair(String accessKeyName, String secretKeyName, String accessKey, String secretKey) {
    private static final List<List<String>> NAMES = List.of(
            List.of("BYTEPLUS_ACCESSKEY", "BYTEPLUS_SECRETKEY"),
            List.of("VOLCENGINE_ACCESS_KEY", "VOLCENGINE_SECRET_KEY"));

    /**
     * The first pair of which a key is set.
     *
     * @throws CliException (invalid input) when that pair lacks its other key
     */
    static Optional<KeyPair> find(Function<String, Optional<String>> lookup) {
        for (List<String> names : NAMES) {
            Optional<String> access = lookup.apply(names.get(0));
            Optional<String> secret = lookup.apply(names.get(1));
            if (access.isPresent() && secret.isPresent()) {
                return Optional.of(new KeyPair(names.get(0), names.get(1), access.get(), secret.get()));
            }
            if (access.isPresent() || secret.isPresent()) {
                String missing = access.isPresent() ? names.get(1) : names.get(0);
                throw CliException.invalidInput("incomplete credentials: " + missing + " is missing ("
                        + (access.isPresent() ? names.get(0) : names.get(1)) + " is set); set both, or neither to "
                        + "use the local emulator");
            }
        }
        return Optional.empty();
    }

    /** Never shows the secret key. */
    @Override
    public String toString() {
        return "KeyPair[" + accessKeyName + "=" + accessKey + ", " + secretKeyName + "=██]";
    }
}
