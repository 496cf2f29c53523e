package io.vodkit.client.url;

import io.vodkit.client.VodException;
import io.vodkit.client.VodHttpException;
import io.vodkit.client.internal.PercentEncoding;
import io.vodkit.client.internal.api.ApiCaller;
import io.vodkit.client.internal.api.DescribeDomainConfig;
import io.vodkit.client.internal.api.DomainConfig;
import io.vodkit.client.internal.api.DomainInfo;
import io.vodkit.client.internal.api.GetPlayInfo;
import io.vodkit.client.internal.api.ListDomain;
import io.vodkit.client.internal.api.UpdateMediaPublishStatus;
import io.vodkit.client.internal.api.UrlAuthRule;
import io.vodkit.client.internal.url.TypeASigner;
import io.vodkit.client.limits.Limits;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stored FileName into a playable CDN URL (spec §10.3, §10.4, §10.6, §10.7).
 *
 * <p>Domain: the configured play domain if there is one (it may carry a scheme, else https), otherwise the first
 * ListDomain play domain whose CDN is enabled and whose URL authentication is off or type A (scheme https iff its
 * certificate's HttpsStatus is {@code enable}). With type A on, the URL is signed with the master key (the backup
 * key if there is no master) so that it expires exactly {@code urlExpiry} from now: timestamp = now + urlExpiry −
 * the domain's validity. If DescribeDomainConfig fails for a configured domain, the URL is returned unsigned. With no
 * usable domain the result is {@code ""}. The chosen domain is remembered per space for this resolver's lifetime.
 *
 * <p>A Vid's URL ({@link #playUrlOfVid}) comes from the service instead: publish (spec §10.1: "the playback link can
 * only be obtained after the video is published"), then GetPlayInfo.
 */
public final class PlayUrlResolver {

    private static final Logger LOG = LoggerFactory.getLogger(PlayUrlResolver.class);

    /** A resolved domain: how to build URLs on it and the type A rule to sign with, if any. */
    private record PlayDomain(String scheme, String authority, String pathPrefix, Optional<UrlAuthRule> typeA) {}

    private final ListDomain listDomain;
    private final DescribeDomainConfig describeDomainConfig;
    private final UpdateMediaPublishStatus publishStatus;
    private final GetPlayInfo getPlayInfo;
    private final String configuredDomain;
    private final Duration urlExpiry;
    private final Clock clock;
    private final TypeASigner signer;
    /** The domain of each space, found once per resolver (a failed search is forgotten, so a later call retries). */
    private final Map<String, CompletableFuture<Optional<PlayDomain>>> domainsBySpace = new ConcurrentHashMap<>();

    /**
     * @param playDomain the configured play domain ({@code VOD_PLAY_DOMAIN}): {@code host}, {@code https://host} or
     *                   {@code http://host:port}; {@code null} or blank = discover with ListDomain
     * @param urlExpiry  how long signed URLs stay valid ({@code VOD_URL_EXPIRE_MINUTES}), within
     *                   {@link Limits#URL_EXPIRY}
     * @param clock      the time source
     * @param random     source of the type A random part
     */
    public PlayUrlResolver(ApiCaller api, String playDomain, Duration urlExpiry, Clock clock, RandomGenerator random) {
        this.listDomain = new ListDomain(api);
        this.describeDomainConfig = new DescribeDomainConfig(api);
        this.publishStatus = new UpdateMediaPublishStatus(api);
        this.getPlayInfo = new GetPlayInfo(api);
        this.configuredDomain = playDomain == null || playDomain.isBlank() ? null : playDomain.trim();
        this.urlExpiry = Objects.requireNonNull(urlExpiry, "urlExpiry == null");
        Limits.URL_EXPIRY.check(urlExpiry);
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.signer = new TypeASigner(random);
    }

    /**
     * The play URL of {@code fileName} in {@code spaceName}, or {@code ""} when the space has no usable play domain.
     *
     * @throws io.vodkit.client.VodException when ListDomain fails (discovery mode only)
     */
    public String playUrl(String spaceName, String fileName) {
        Objects.requireNonNull(spaceName, "spaceName == null");
        Objects.requireNonNull(fileName, "fileName == null");
        Optional<PlayDomain> known = await(domain(spaceName, Runnable::run));
        if (known.isEmpty()) {
            return "";
        }
        PlayDomain domain = known.get();
        String path = domain.pathPrefix() + "/" + stripLeadingSlashes(fileName);
        String base = domain.scheme() + "://" + domain.authority();
        if (domain.typeA().isEmpty()) {
            return base + PercentEncoding.encode(path, PercentEncoding.PATH_SAFE);
        }
        UrlAuthRule rule = domain.typeA().get();
        long timestamp = clock.instant().getEpochSecond()
                + urlExpiry.toSeconds()
                - rule.validity().toSeconds();
        String param = rule.signName().isEmpty() ? TypeASigner.DEFAULT_PARAM : rule.signName();
        return signer.sign(base + path, param, timestamp, signer.randomRand(), rule.signingKey());
    }

    /**
     * Starts finding the play domain of {@code spaceName} on a thread of its own, so that the {@link #playUrl} a
     * finished upload asks for does not wait for ListDomain and DescribeDomainConfig (two requests, two round
     * trips) after its commit. Does nothing when the domain is known or being found; a failure shows in the
     * {@code playUrl} call that waits for it, as it would have without this.
     */
    public void prefetch(String spaceName) {
        Objects.requireNonNull(spaceName, "spaceName == null");
        domain(spaceName, task -> {
            Thread thread = new Thread(task, "vodkit-play-domain");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** The search for the domain of {@code spaceName}: the one under way or done, else a new one run by {@code run}. */
    private CompletableFuture<Optional<PlayDomain>> domain(String spaceName, Executor run) {
        CompletableFuture<Optional<PlayDomain>> search = new CompletableFuture<>();
        CompletableFuture<Optional<PlayDomain>> known = domainsBySpace.putIfAbsent(spaceName, search);
        if (known != null) {
            return known;
        }
        run.execute(() -> {
            try {
                search.complete(configuredDomain != null ? Optional.of(configured(spaceName)) : discover(spaceName));
            } catch (Throwable e) { // any end but a result is forgotten, so that no caller waits for it forever
                domainsBySpace.remove(spaceName, search);
                search.completeExceptionally(e);
            }
        });
        return search;
    }

    /** The search's result, or the exception it ended with, as it was thrown. */
    private static Optional<PlayDomain> await(CompletableFuture<Optional<PlayDomain>> search) {
        try {
            return search.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The play domains ListDomain lists for {@code spaceName}, usable or not.
     *
     * @throws io.vodkit.client.VodException when ListDomain fails, e.g. the space does not exist
     */
    public List<String> playDomains(String spaceName) {
        Objects.requireNonNull(spaceName, "spaceName == null");
        return listDomain.call(ListDomain.Request.playDomains(spaceName)).domains().stream()
                .map(DomainInfo::domain)
                .toList();
    }

    /**
     * The URL to report for a finished upload or restoration, never failing it: {@link #playUrl} on the space's play
     * domain; when the space has no usable domain and {@code vid} is given, the Vid's own URL ({@link #playUrlOfVid});
     * {@code ""} when neither gives one. A service error here is logged and gives {@code ""}, because the media exists
     * and its Vid or FileName must still be reported; a 401 or 403 is thrown, as the credentials are what failed.
     *
     * @param vid the uploaded Vid, or {@code null} (e.g. for a restoration output, which is a FileName only)
     */
    public String playUrlOrEmpty(String spaceName, String fileName, String vid) {
        try {
            String url = playUrl(spaceName, fileName);
            return url.isEmpty() && vid != null && !vid.isEmpty() ? playUrlOfVid(vid) : url;
        } catch (VodException e) {
            if (VodHttpException.isRefusal(e)) {
                throw e;
            }
            LOG.warn("no play URL for {} in space {}: {}", fileName, spaceName, e.getMessage());
            return "";
        }
    }

    /**
     * The play URL of a Vid: publishes it, then takes GetPlayInfo's first MainPlayUrl or BackupPlayUrl ({@code ""}
     * when there is none).
     *
     * @throws io.vodkit.client.VodException when publishing or GetPlayInfo fails
     */
    public String playUrlOfVid(String vid) {
        Objects.requireNonNull(vid, "vid == null");
        publishStatus.call(vid, UpdateMediaPublishStatus.PUBLISHED);
        return getPlayInfo.call(vid).firstUrl();
    }

    private PlayDomain configured(String spaceName) {
        String text = configuredDomain;
        String scheme = "https";
        int schemeEnd = text.indexOf("://");
        if (schemeEnd >= 0) {
            scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            text = text.substring(schemeEnd + 3);
        }
        int slash = text.indexOf('/');
        String authority = slash < 0 ? text : text.substring(0, slash);
        String prefix = slash < 0 ? "" : text.substring(slash).replaceAll("/+$", "");
        Optional<UrlAuthRule> typeA;
        try {
            typeA = signingRule(
                    describeDomainConfig.call(DescribeDomainConfig.Request.playDomain(spaceName, authority)),
                    authority);
        } catch (VodException e) {
            if (VodHttpException.isRefusal(e)) {
                throw e;
            }
            LOG.warn(
                    "DescribeDomainConfig failed for the configured play domain, URLs stay unsigned: domain={} reason={}",
                    authority,
                    e.getMessage());
            typeA = Optional.empty();
        }
        return new PlayDomain(scheme, authority, prefix, typeA);
    }

    /** Signing rule of a configured domain: type A with a key, else none (an unsupported type is logged). */
    private static Optional<UrlAuthRule> signingRule(DomainConfig config, String domain) {
        Optional<UrlAuthRule> rule = config.activeRule();
        if (rule.isPresent() && !signable(rule.get())) {
            LOG.warn(
                    "play domain uses URL authentication vodkit cannot sign, URLs stay unsigned: domain={} type={}",
                    domain,
                    rule.get().urlAuthType());
            return Optional.empty();
        }
        return rule;
    }

    private Optional<PlayDomain> discover(String spaceName) {
        for (DomainInfo domain :
                listDomain.call(ListDomain.Request.playDomains(spaceName)).domains()) {
            if (!domain.cdnEnabled() || domain.domain().isEmpty()) {
                continue;
            }
            DomainConfig config;
            try {
                config = describeDomainConfig.call(DescribeDomainConfig.Request.playDomain(spaceName, domain.domain()));
            } catch (VodException e) {
                if (VodHttpException.isRefusal(e)) {
                    throw e;
                }
                LOG.warn(
                        "skipping play domain, its config is unavailable: domain={} reason={}",
                        domain.domain(),
                        e.getMessage());
                continue;
            }
            Optional<UrlAuthRule> rule = config.activeRule();
            if (rule.isEmpty() || signable(rule.get())) {
                return Optional.of(new PlayDomain(domain.httpsEnabled() ? "https" : "http", domain.domain(), "", rule));
            }
        }
        LOG.debug("no usable play domain (CDN enabled, URL auth none or type A) space={}", spaceName);
        return Optional.empty();
    }

    private static boolean signable(UrlAuthRule rule) {
        return rule.isTypeA() && !rule.signingKey().isEmpty();
    }

    private static String stripLeadingSlashes(String fileName) {
        int i = 0;
        while (i < fileName.length() && fileName.charAt(i) == '/') {
            i++;
        }
        return fileName.substring(i);
    }
}
