package io.vodkit.emulator.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Verifies CDN type-A URL signatures (spec §10.6): {@code auth_key=timestamp-rand-uid-md5hex} where md5hex =
 * md5("{uri}-{timestamp}-{rand}-{uid}-{key}") for the master or backup key, valid while now ≤ timestamp + validity.
 */
public final class TypeAUrlAuth {

    /** The outcome of a check; everything but {@code VALID} is a 403. */
    public enum Verdict {
        VALID,
        MISSING,
        MALFORMED,
        TAMPERED,
        EXPIRED
    }

    private static final String UID = "0";

    private final List<String> keys;
    private final Duration validity;

    public TypeAUrlAuth(List<String> keys, Duration validity) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys is empty");
        }
        this.keys = List.copyOf(keys);
        this.validity = Objects.requireNonNull(validity, "validity == null");
    }

    /** The {@code auth_key} value for {@code uri} (the path as hashed), signed with key {@code keyIndex}. */
    public String token(String uri, long timestamp, String rand, int keyIndex) {
        return timestamp + "-" + rand + "-" + UID + "-"
                + Hashes.md5Hex(uri + "-" + timestamp + "-" + rand + "-" + UID + "-" + keys.get(keyIndex));
    }

    /**
     * Checks an {@code auth_key} value for a request path.
     *
     * @param uriCandidates the request path as sent (percent-encoded) and, when different, decoded — clients differ
     *                      in which form they hash
     */
    public Verdict verify(Set<String> uriCandidates, String authKey, Instant now) {
        if (authKey == null || authKey.isEmpty()) {
            return Verdict.MISSING;
        }
        String[] parts = authKey.split("-", -1);
        if (parts.length != 4 || parts[1].isEmpty() || parts[2].isEmpty() || parts[3].isEmpty()) {
            return Verdict.MALFORMED;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED;
        }
        boolean matched = false;
        for (String uri : new LinkedHashSet<>(uriCandidates)) {
            for (String key : keys) {
                String expected = Hashes.md5Hex(uri + "-" + parts[0] + "-" + parts[1] + "-" + parts[2] + "-" + key);
                matched |= Hashes.constantTimeEquals(expected, parts[3]);
            }
        }
        if (!matched) {
            return Verdict.TAMPERED;
        }
        return now.getEpochSecond() <= timestamp + validity.toSeconds() ? Verdict.VALID : Verdict.EXPIRED;
    }
}
