package io.vodkit.emulator.internal.callback;

import io.vodkit.emulator.internal.security.Hashes;
import java.util.Base64;

/**
 * {@code X-VOD-SIGNATURE} (media-management.md A15.2): lowercase hex
 * {@code md5(CallbackURL + "|" + X-VOD-TIMESTAMP + "|" + PrivateKey + "|" + base64(body bytes))}.
 */
final class CallbackSignature {
    private CallbackSignature() {}

    static String sign(String callbackUrl, long timestamp, String privateKey, byte[] body) {
        return Hashes.md5Hex(callbackUrl + "|" + timestamp + "|" + privateKey + "|"
                + Base64.getEncoder().encodeToString(body));
    }
}
