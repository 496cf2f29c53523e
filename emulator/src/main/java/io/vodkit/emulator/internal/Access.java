package io.vodkit.emulator.internal;

import io.vodkit.emulator.EmulatorConfig;
import io.vodkit.emulator.internal.db.SettingsRepository;
import io.vodkit.emulator.internal.security.CredentialStore;
import io.vodkit.emulator.internal.security.SignatureVerifier;
import io.vodkit.emulator.internal.security.UploadTokens;
import io.vodkit.emulator.internal.service.Ids;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who may call the emulator: its key pair, the signature check and the upload-token secret. */
public record Access(String accessKey, String secretKey, SignatureVerifier verifier, UploadTokens tokens) {

    /** Never prints the secret key. */
    @Override
    public String toString() {
        return "Access[accessKey=" + accessKey + ", secretKey=██]";
    }

    /** The configured keys, else those generated the first time the data folder was served (kept there). */
    public static Access open(EmulatorConfig.Account config, SettingsRepository settings, Ids ids, Clock clock) {
        UploadTokens tokens = new UploadTokens(
                Base64.getUrlDecoder().decode(settings.findOrCreate("upload.token-secret", ids::hmacSecret)), clock);
        // generated keys are kept, so clients (and uploads in flight) go on working across restarts
        String accessKey = config.accessKey() == null
                ? settings.findOrCreate("credentials.access-key", ids::accessKey)
                : config.accessKey();
        String secretKey = config.secretKey() == null
                ? settings.findOrCreate("credentials.secret-key", ids::secretKey)
                : config.secretKey();
        Set<String> regions =
                Stream.of("ap-singapore-1", "ap-southeast-1", config.region()).collect(Collectors.toSet());
        SignatureVerifier verifier = new SignatureVerifier(
                new CredentialStore(Map.of(accessKey, secretKey)), regions, config.maxClockSkew(), clock);
        return new Access(accessKey, secretKey, verifier, tokens);
    }
}
