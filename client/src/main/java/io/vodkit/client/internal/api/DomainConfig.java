package io.vodkit.client.internal.api;

import java.util.List;
import java.util.Optional;

/**
 * The URL-authentication part of DescribeDomainConfig (spec §10.4).
 *
 * @param domain        {@code Result.Domain.Domain}
 * @param configStatus  {@code Result.Domain.ConfigStatus}
 * @param urlAuthSwitch {@code SignedUrlAuth.Switch}: URL authentication is on
 * @param urlAuthRules  {@code SignedUrlAuth.SignedUrlAuthRules[].SignedUrlAuthAction}, in order
 */
public record DomainConfig(String domain, String configStatus, boolean urlAuthSwitch, List<UrlAuthRule> urlAuthRules) {

    public DomainConfig {
        urlAuthRules = List.copyOf(urlAuthRules);
    }

    /** The rule in force (the first one), or empty when URL authentication is off or has no rule. */
    public Optional<UrlAuthRule> activeRule() {
        return urlAuthSwitch && !urlAuthRules.isEmpty() ? Optional.of(urlAuthRules.get(0)) : Optional.empty();
    }
}
