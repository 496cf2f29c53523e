package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * DescribeDomainConfig (spec §10.4): {@code GET}, Version 2023-01-01 (the version the original skill uses against
 * BytePlus; the action is documented only for Volcengine, at 2023-07-01).
 */
public final class DescribeDomainConfig {

    public static final String ACTION = "DescribeDomainConfig";
    public static final String VERSION = "2023-01-01";

    /**
     * @param spaceName  required
     * @param domain     the domain name (no scheme)
     * @param domainType {@code play} or {@code image}
     */
    public record Request(String spaceName, String domain, String domainType) {

        public Request {
            Objects.requireNonNull(spaceName, "spaceName == null");
            Objects.requireNonNull(domain, "domain == null");
            Objects.requireNonNull(domainType, "domainType == null");
        }

        public static Request playDomain(String spaceName, String domain) {
            return new Request(spaceName, domain, ListDomain.PLAY);
        }
    }

    private final ApiCaller api;

    public DescribeDomainConfig(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public DomainConfig call(Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SpaceName", request.spaceName());
        params.put("Domain", request.domain());
        params.put("DomainType", request.domainType());

        JsonNode result = api.get(ACTION, VERSION, params);
        JsonNode signedUrlAuth =
                result.path("Config").path("SignedUrlAuthControl").path("SignedUrlAuth");
        List<UrlAuthRule> rules = Json.list(signedUrlAuth, "SignedUrlAuthRules", DescribeDomainConfig::rule);
        // No Switch field: rules, if any, are taken as in force (the skill looks only at the rules).
        boolean on = signedUrlAuth.has("Switch") ? Json.booleanValue(signedUrlAuth, "Switch") : !rules.isEmpty();
        return new DomainConfig(
                Json.text(result.path("Domain"), "Domain"),
                Json.text(result.path("Domain"), "ConfigStatus"),
                on,
                rules);
    }

    private static UrlAuthRule rule(JsonNode rule) {
        JsonNode action = rule.path("SignedUrlAuthAction");
        return new UrlAuthRule(
                Json.text(action, "URLAuthType"),
                Json.text(action, "MasterSecretKey"),
                Json.text(action, "BackupSecretKey"),
                Json.text(action, "SignName"),
                Duration.ofSeconds(Math.max(0, Json.longValue(action, "Duration"))));
    }
}
