package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.QueryString;
import io.vodkit.emulator.internal.db.SettingsRepository;
import io.vodkit.emulator.internal.security.TypeAUrlAuth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The emulator's one play domain: its own {@code host:port} over its own scheme (https when it serves TLS),
 * protected by type-A URL auth whose master and backup keys are generated once per data directory and kept in the
 * settings table.
 */
public final class PlayDomain {
    /** Type-A validity window ({@code SignedUrlAuthAction.Duration}). */
    public static final Duration URL_VALIDITY = Duration.ofSeconds(1800);

    public static final String SIGN_NAME = "auth_key";
    public static final String URL_AUTH_TYPE = "typea";
    public static final String INSTANCE_ID = "vodkit-local-play";

    private final PublicAddress address;
    private final String masterKey;
    private final String backupKey;
    private final Instant createdAt;
    private final TypeAUrlAuth urlAuth;

    public PlayDomain(SettingsRepository settings, PublicAddress address, Ids ids, Clock clock) {
        this.address = address;
        this.masterKey = settings.findOrCreate("play.master-key", ids::urlSigningKey);
        this.backupKey = settings.findOrCreate("play.backup-key", ids::urlSigningKey);
        this.createdAt = Instant.parse(settings.findOrCreate(
                "play.created-at",
                () -> clock.instant().truncatedTo(ChronoUnit.SECONDS).toString()));
        this.urlAuth = new TypeAUrlAuth(List.of(masterKey, backupKey), URL_VALIDITY);
    }

    /** The domain name clients put in play URLs: {@code host:port}. */
    public String domain() {
        return address.hostPort();
    }

    /** When its certificate expires, if the domain serves HTTPS. */
    public Optional<Instant> certificateExpiry() {
        return address.certificateExpiry();
    }

    /** Scheme and authority of play and download URLs: {@code http://host:port}, {@code https://…} over TLS. */
    public String origin() {
        return address.scheme() + "://" + domain();
    }

    /** Whether {@code domain} names this play domain (case-insensitive). */
    public boolean matches(String domain) {
        return domain().equalsIgnoreCase(domain);
    }

    public String masterKey() {
        return masterKey;
    }

    public String backupKey() {
        return backupKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public TypeAUrlAuth urlAuth() {
        return urlAuth;
    }

    /**
     * A type-A signed download URL of {@code fileName}, timestamped {@code now} (valid for {@link #URL_VALIDITY}).
     *
     * @param backup sign with the backup key instead of the master key
     */
    public String signedUrl(String fileName, Instant now, String rand, boolean backup) {
        String token = urlAuth.token("/" + fileName, now.getEpochSecond(), rand, backup ? 1 : 0);
        return origin() + "/" + QueryString.pathEncode(fileName) + "?" + SIGN_NAME + "=" + token;
    }
}
