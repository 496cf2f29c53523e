package io.vodkit.emulator.internal.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/** Every identifier and secret the emulator generates, in one place. */
public final class Ids {
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final SecureRandom random;
    private final Clock clock;

    public Ids(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /** {@code v0} + 30 lowercase alphanumerics (32 characters, like {@code v0dc24g10001c…}). */
    public String vid() {
        return "v0" + chars(LOWER_ALNUM, 30);
    }

    /** An opaque ApplyUploadInfo SessionKey: base64url of 24 random bytes. */
    public String sessionKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
    }

    /** A multipart upload id: 32 lowercase hex digits. */
    public String uploadId() {
        return hex(16);
    }

    /** An UploadMediaByUrl JobId: 32 lowercase hex digits. */
    public String jobId() {
        return hex(16);
    }

    /** The on-disk id of an object: 32 lowercase hex digits. */
    public String objectId() {
        return hex(16);
    }

    /** The generated FileName stem when ApplyUploadInfo has no FileName: 32 lowercase hex digits. */
    public String fileNameStem() {
        return hex(16);
    }

    /** A StartExecution RunId: {@code hb:} + 32 lowercase hex digits (the colon is part of the id, spec §9.1). */
    public String runId() {
        return "hb:" + hex(16);
    }

    /** The random part of a type-A token: 16 alphanumerics. */
    public String urlAuthRand() {
        return chars(ALNUM, 16);
    }

    /** A request id / log id: UTC {@code yyyyMMddHHmmss} + 16 upper-case hex digits. */
    public String requestId() {
        return REQUEST_TIME.format(clock.instant()) + hex(8).toUpperCase(Locale.ROOT);
    }

    /** A generated access key: {@code AKLT} + 32 alphanumerics. */
    public String accessKey() {
        return "AKLT" + chars(ALNUM, 32);
    }

    /** A generated secret key: 40 base64url characters. */
    public String secretKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(30));
    }

    /** A type-A URL-signing key: 32 alphanumerics (the CDN accepts 6–40 printable characters). */
    public String urlSigningKey() {
        return chars(ALNUM, 32);
    }

    /** A secret for HMACs, base64url encoded (32 random bytes). */
    public String hmacSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private String hex(int byteCount) {
        return HexFormat.of().formatHex(bytes(byteCount));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private String chars(String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
