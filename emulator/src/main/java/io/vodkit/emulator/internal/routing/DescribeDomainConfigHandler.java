package io.vodkit.emulator.internal.routing;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.api.DescribeDomainConfigResult;
import io.vodkit.emulator.internal.service.PlayDomain;
import io.vodkit.emulator.internal.service.Spaces;
import java.util.List;

/** DescribeDomainConfig (spec §10.4): the play domain and its type-A URL-auth rule with both keys. */
public final class DescribeDomainConfigHandler implements ActionHandler {
    private final Spaces spaces;
    private final PlayDomain playDomain;

    public DescribeDomainConfigHandler(Spaces spaces, PlayDomain playDomain) {
        this.spaces = spaces;
        this.playDomain = playDomain;
    }

    @Override
    public Object handle(Params params) {
        String space = spaces.requireKnown(params.requireText("SpaceName"));
        String domain = params.requireText("Domain");
        String domainType = params.text("DomainType").orElse("play");
        if (!domainType.equals("play") || !playDomain.matches(domain)) {
            throw ApiError.DOMAIN_NOT_FOUND.exception(domain, space);
        }
        DescribeDomainConfigResult.Action action = new DescribeDomainConfigResult.Action(
                PlayDomain.URL_AUTH_TYPE,
                playDomain.masterKey(),
                playDomain.backupKey(),
                PlayDomain.SIGN_NAME,
                PlayDomain.URL_VALIDITY.toSeconds());
        return new DescribeDomainConfigResult(
                new DescribeDomainConfigResult.Domain(
                        playDomain.domain(),
                        playDomain.domain(),
                        "online",
                        playDomain.createdAt().toString(),
                        "off"),
                new DescribeDomainConfigResult.Config(new DescribeDomainConfigResult.SignedUrlAuthControl(
                        new DescribeDomainConfigResult.SignedUrlAuth(
                                true, List.of(new DescribeDomainConfigResult.Rule(action))))));
    }
}
