package io.vodkit.client.internal.api;

import java.util.List;

/**
 * One ListDomain page: the domains of the space's BytePlus CDN instances ({@code PlayInstanceInfo.ByteInstances},
 * in order), and the paging counters from {@code Result}.
 */
public record DomainPage(List<DomainInfo> domains, int total, int offset) {

    public DomainPage {
        domains = List.copyOf(domains);
    }
}
