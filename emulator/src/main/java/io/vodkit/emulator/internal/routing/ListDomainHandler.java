package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.ListDomainResult;
import io.vodkit.emulator.internal.service.PlayDomain;
import io.vodkit.emulator.internal.service.Spaces;
import java.util.List;

/**
 * ListDomain (spec §10.3): the emulator's single play domain, a VOD-origin ({@code SourceStationType=1}) byte
 * instance over the emulator's scheme: when it serves TLS, {@code Certificate.HttpsStatus} is {@code enable} with the
 * server certificate's expiry as {@code ExpiredAt}. Image domains and third-party origins list nothing.
 */
public final class ListDomainHandler implements ActionHandler {
    private final Spaces spaces;
    private final PlayDomain playDomain;

    public ListDomainHandler(Spaces spaces, PlayDomain playDomain) {
        this.spaces = spaces;
        this.playDomain = playDomain;
    }

    @Override
    public Object handle(Params params) {
        String space = spaces.requireKnown(params.requireText("SpaceName"));
        String domainType = params.text("DomainType").orElse("play");
        if (!domainType.equals("play") && !domainType.equals("image")) {
            throw ApiError.INVALID_PARAMETER.exception("DomainType", domainType, "must be play or image");
        }
        long sourceStationType = params.integer("SourceStationType").orElse(1L);
        if (sourceStationType != 1 && sourceStationType != 2) {
            throw ApiError.INVALID_PARAMETER.exception("SourceStationType", sourceStationType, "must be 1 or 2");
        }
        long offset = params.integer("Offset").orElse(0L);
        long limit = params.integer("Limit").orElse(Long.MAX_VALUE);
        if (offset < 0 || limit < 0) {
            throw ApiError.INVALID_PARAMETER.exception("Offset/Limit", offset + "/" + limit, "must not be negative");
        }
        String domain = playDomain.domain();
        List<ListDomainResult.Domain> all = domainType.equals("play") && sourceStationType == 1
                ? List.of(new ListDomainResult.Domain(
                        domain,
                        domain,
                        "enable",
                        "enable",
                        "online",
                        certificate(),
                        playDomain.createdAt().toString()))
                : List.of();
        List<ListDomainResult.Domain> page =
                all.stream().skip(offset).limit(limit).toList();
        ListDomainResult.InstanceInfo play = page.isEmpty()
                ? ListDomainResult.InstanceInfo.empty()
                : new ListDomainResult.InstanceInfo(
                        List.of(new ListDomainResult.Instance(PlayDomain.INSTANCE_ID, page)), List.of());
        return new ListDomainResult(
                space, play, ListDomainResult.InstanceInfo.empty(), domain, all.size(), (int) offset);
    }

    private ListDomainResult.Certificate certificate() {
        return playDomain
                .certificateExpiry()
                .map(expiry -> new ListDomainResult.Certificate("enable", expiry.toString()))
                .orElse(new ListDomainResult.Certificate("disable", null));
    }
}
