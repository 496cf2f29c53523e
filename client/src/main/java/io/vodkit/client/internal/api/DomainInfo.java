package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;

/**
 * One domain of a ListDomain instance (spec §10.3), the fields vodkit uses.
 *
 * @param domain       host name, e.g. {@code cdn.example.com}
 * @param cdnStatus    {@code enable} when the CDN serves it
 * @param configStatus as the service reports it
 * @param certificate  HTTPS certificate state
 */
public record DomainInfo(String domain, String cdnStatus, String configStatus, Certificate certificate) {

    /** {@code Certificate.HttpsStatus} ({@code enable} = HTTPS served) and {@code ExpiredAt} as sent. */
    public record Certificate(String httpsStatus, String expiredAt) {}

    public static final String ENABLE = "enable";

    /** The CDN serves this domain ({@code CdnStatus == "enable"}). */
    public boolean cdnEnabled() {
        return ENABLE.equals(cdnStatus);
    }

    /** HTTPS is served ({@code Certificate.HttpsStatus == "enable"}). */
    public boolean httpsEnabled() {
        return ENABLE.equals(certificate.httpsStatus());
    }

    static DomainInfo from(JsonNode node) {
        JsonNode certificate = node.path("Certificate");
        return new DomainInfo(
                Json.text(node, "Domain"),
                Json.text(node, "CdnStatus"),
                Json.text(node, "ConfigStatus"),
                new Certificate(Json.text(certificate, "HttpsStatus"), Json.text(certificate, "ExpiredAt")));
    }
}
