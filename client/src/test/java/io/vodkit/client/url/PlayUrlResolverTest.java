package io.vodkit.client.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vodkit.client.Credentials;
import io.vodkit.client.FakeVodServer;
import io.vodkit.client.FakeVodServer.Reply;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.internal.Digests;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlayUrlResolverTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration EXPIRY = Duration.ofMinutes(60);
    private static final Pattern SIGNED = Pattern.compile("(.+)\\?auth_key=(\\d+)-([A-Za-z0-9]{16})-0-([0-9a-f]{32})");

    private FakeVodServer server;
    private VodClient client;
    private final Map<String, String> domainConfigs = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = new FakeVodServer();
        client = new VodClient(VodClientConfig.of(server.endpoint(), null, new Credentials("AK", "SK")));
        server.onAction("DescribeDomainConfig", r -> {
            String config = domainConfigs.get(r.query().get("Domain"));
            return config == null
                    ? Reply.json(
                            404,
                            FakeVodServer.errorEnvelope("DescribeDomainConfig", "ResourceNotFound", 0, "no domain"))
                    : Reply.json(200, FakeVodServer.envelope("DescribeDomainConfig", config));
        });
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // configured domain | expected base URL | type A master | backup | validity s
                "cdn.example.com|https://cdn.example.com|masterkey1|backupkey1|1800",
                "http://cdn.example.com|http://cdn.example.com|''|backupkey1|0",
                "https://cdn.example.com:8443/|https://cdn.example.com:8443|masterkey1|''|600",
            })
    void configuredTypeADomainIsSignedToExpireExactlyAfterUrlExpiry(
            String configured, String base, String master, String backup, long validity) {
        String domain = configured.replaceFirst("^https?://", "").replaceAll("/$", "");
        domainConfigs.put(domain, typeA(master, backup, validity));

        String url = resolver(configured).playUrl("s", "dir/my clip.mp4");

        Matcher signed = SIGNED.matcher(url);
        assertThat(signed.matches()).as(url).isTrue();
        assertThat(signed.group(1)).isEqualTo(base + "/dir/my%20clip.mp4");
        long timestamp = Long.parseLong(signed.group(2));
        assertThat(timestamp + validity).isEqualTo(NOW.getEpochSecond() + EXPIRY.toSeconds());
        String key = master.isEmpty() ? backup : master;
        assertThat(signed.group(4))
                .isEqualTo(Digests.md5Hex("/dir/my%20clip.mp4-" + timestamp + "-" + signed.group(3) + "-0-" + key));
        assertThat(server.actionRequests("ListDomain")).isEmpty();
    }

    @Test
    void aVidIsPublishedBeforeItsPlayInfoIsAskedFor() {
        server.onActionResult("UpdateMediaPublishStatus", "{}");
        server.onActionResult(
                "GetPlayInfo",
                "{\"PlayInfoList\":[{\"MainPlayUrl\":\"\",\"BackupPlayUrl\":"
                        + "\"https://b.example.com/x.mp4?auth_key=1\"},{\"MainPlayUrl\":\"https://m.example.com/y.mp4\"}]}");

        String url = resolver(null).playUrlOfVid("v0abc");

        assertThat(url).isEqualTo("https://b.example.com/x.mp4?auth_key=1");
        assertThat(server.actionRequests("UpdateMediaPublishStatus").get(0).query())
                .containsEntry("Vid", "v0abc")
                .containsEntry("Status", "Published");
        List<String> order =
                server.requests().stream().map(r -> r.query().get("Action")).toList();
        assertThat(order).containsExactly("UpdateMediaPublishStatus", "GetPlayInfo");
    }

    @Test
    void configuredDomainWithoutConfigIsUnsigned() {
        assertThat(resolver("http://127.0.0.1:9000").playUrl("s", "a.mp4")).isEqualTo("http://127.0.0.1:9000/a.mp4");
    }

    @Test
    void configuredDomainWithAuthOffOrAnotherTypeIsUnsigned() {
        domainConfigs.put(
                "off.example.com",
                "{\"Config\":{\"SignedUrlAuthControl\":{\"SignedUrlAuth\":" + "{\"Switch\":false}}}}");
        domainConfigs.put("typeb.example.com", rule("typeb", "k1", "", 60));

        assertThat(resolver("off.example.com").playUrl("s", "/a.mp4")).isEqualTo("https://off.example.com/a.mp4");
        assertThat(resolver("typeb.example.com").playUrl("s", "a.mp4")).isEqualTo("https://typeb.example.com/a.mp4");
    }

    @Test
    void discoversTheFirstEnabledDomainWithNoneOrTypeAAuth() {
        listDomains(
                domain("off.example.com", "disable", "enable"),
                domain("typeb.example.com", "enable", "enable"),
                domain("broken.example.com", "enable", "enable"),
                domain("play.example.com", "enable", "disable"),
                domain("later.example.com", "enable", "enable"));
        domainConfigs.put("off.example.com", typeA("k", "", 0));
        domainConfigs.put("typeb.example.com", rule("typeb", "k", "", 0));
        domainConfigs.put("play.example.com", typeA("", "backupkey9", 300));
        domainConfigs.put("later.example.com", "{}");

        PlayUrlResolver resolver = resolver(null);
        String url = resolver.playUrl("s", "abc.mp4");

        Matcher signed = SIGNED.matcher(url);
        assertThat(signed.matches()).as(url).isTrue();
        assertThat(signed.group(1)).isEqualTo("http://play.example.com/abc.mp4");
        assertThat(Long.parseLong(signed.group(2))).isEqualTo(NOW.getEpochSecond() + 3600 - 300);
        assertThat(signed.group(4))
                .isEqualTo(Digests.md5Hex("/abc.mp4-" + signed.group(2) + "-" + signed.group(3) + "-0-backupkey9"));
        assertThat(server.actionRequests("DescribeDomainConfig"))
                .extracting(r -> r.query().get("Domain"))
                .containsExactly("typeb.example.com", "broken.example.com", "play.example.com");

        resolver.playUrl("s", "other.mp4");
        assertThat(server.actionRequests("ListDomain"))
                .as("domain remembered per space")
                .hasSize(1);
    }

    @Test
    void aPrefetchedDomainIsFoundOnceAndTheUrlWaitsForThatSearch() throws Exception {
        CountDownLatch listing = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        server.onAction("ListDomain", r -> {
            listing.countDown();
            try {
                answer.await(); // held until the URL is asked for, so the URL must wait for this search
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.json(
                    200,
                    FakeVodServer.envelope("ListDomain", domainList(domain("play.example.com", "enable", "enable"))));
        });
        domainConfigs.put("play.example.com", "{\"Domain\":{\"Domain\":\"play.example.com\"},\"Config\":{}}");
        PlayUrlResolver resolver = resolver(null);

        resolver.prefetch("s");
        assertThat(listing.await(10, TimeUnit.SECONDS))
                .as("the search runs in the background")
                .isTrue();
        resolver.prefetch("s"); // under way: not started again
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> resolver.playUrl("s", "a.mp4"));
        answer.countDown();

        assertThat(url.get(10, TimeUnit.SECONDS)).isEqualTo("https://play.example.com/a.mp4");
        assertThat(server.actionRequests("ListDomain")).hasSize(1);
    }

    @Test
    void aPrefetchThatFailedFailsTheUrlAsBeforeAndIsTriedAgainLater() {
        server.onAction(
                "ListDomain",
                r -> Reply.json(
                        400,
                        FakeVodServer.errorEnvelope(
                                "ListDomain", "InvalidParameter", 100001, "SpaceName is not valid")));
        PlayUrlResolver resolver = resolver(null);

        resolver.prefetch("s");
        assertThat(resolver.playUrlOrEmpty("s", "a.mp4", null)).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThatThrownBy(() -> resolver.playUrl("s", "a.mp4"))
                        .isInstanceOfSatisfying(
                                VodServiceException.class,
                                e -> assertThat(e.code()).isEqualTo("InvalidParameter")));
        assertThat(server.actionRequests("ListDomain"))
                .as("a failed search is not remembered")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void discoveredHttpsDomainWithoutAuthIsUnsigned() {
        listDomains(domain("play.example.com", "enable", "enable"));
        domainConfigs.put("play.example.com", "{\"Domain\":{\"Domain\":\"play.example.com\"},\"Config\":{}}");

        assertThat(resolver(null).playUrl("s", "视频.mp4")).isEqualTo("https://play.example.com/%E8%A7%86%E9%A2%91.mp4");
    }

    @Test
    void playDomainsListsEveryDomainOfTheSpaceUsableOrNot() {
        listDomains(domain("off.example.com", "disable", "enable"), domain("play.example.com", "enable", "enable"));

        assertThat(resolver(null).playDomains("s")).containsExactly("off.example.com", "play.example.com");
        assertThat(server.actionRequests("ListDomain").get(0).query()).containsEntry("SpaceName", "s");
        assertThat(server.actionRequests("DescribeDomainConfig")).isEmpty();
    }

    @Test
    void noUsableDomainGivesEmptyString() {
        listDomains(domain("off.example.com", "disable", "enable"));

        assertThat(resolver(null).playUrl("s", "a.mp4")).isEmpty();
    }

    @Test
    void listDomainFailurePropagates() {
        server.onAction(
                "ListDomain",
                r -> Reply.json(
                        403,
                        FakeVodServer.errorEnvelope("ListDomain", "AccessDenied", 100013, "User is not authorized")));

        assertThatThrownBy(() -> resolver(null).playUrl("s", "a.mp4"))
                .isInstanceOfSatisfying(
                        VodServiceException.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
    }

    @Test
    void aResultUrlThatCannotBeFoundDoesNotFailTheResult() {
        server.onAction(
                "ListDomain",
                r -> Reply.json(
                        400,
                        FakeVodServer.errorEnvelope(
                                "ListDomain", "InvalidParameter", 100001, "SpaceName is not valid")));

        assertThat(resolver(null).playUrlOrEmpty("s", "a.mp4", "v0abc")).isEmpty();
        assertThat(server.actionRequests("GetPlayInfo")).isEmpty();
    }

    @Test
    void refusedCredentialsFailTheResultUrlWithTheServicesMessage() {
        server.onAction(
                "ListDomain",
                r -> Reply.json(
                        403,
                        FakeVodServer.errorEnvelope("ListDomain", "AccessDenied", 100013, "User is not authorized")));

        assertThatThrownBy(() -> resolver(null).playUrlOrEmpty("s", "a.mp4", "v0abc"))
                .isInstanceOfSatisfying(
                        VodServiceException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(403))
                .hasMessageContaining("User is not authorized");
    }

    @Test
    void aResultUrlFallsBackToTheVidsPlayInfoWhenTheSpaceHasNoUsableDomain() {
        listDomains(domain("off.example.com", "disable", "enable"));
        server.onActionResult("UpdateMediaPublishStatus", "{}");
        server.onActionResult("GetPlayInfo", "{\"PlayInfoList\":[{\"MainPlayUrl\":\"https://m.example.com/a.mp4\"}]}");
        PlayUrlResolver resolver = resolver(null);

        assertThat(resolver.playUrlOrEmpty("s", "a.mp4", "v0abc")).isEqualTo("https://m.example.com/a.mp4");
        assertThat(resolver.playUrlOrEmpty("s", "out.mp4", null))
                .as("no Vid: nothing to fall back to")
                .isEmpty();
        assertThat(server.actionRequests("UpdateMediaPublishStatus")).hasSize(1);
    }

    @Test
    void aResultUrlIsEmptyWhenTheVidFallbackFails() {
        listDomains();
        server.onAction(
                "UpdateMediaPublishStatus",
                r -> Reply.json(
                        404,
                        FakeVodServer.errorEnvelope("UpdateMediaPublishStatus", "ResourceNotFound", 100014, "no")));

        assertThat(resolver(null).playUrlOrEmpty("s", "a.mp4", "v0abc")).isEmpty();
    }

    private PlayUrlResolver resolver(String playDomain) {
        return new PlayUrlResolver(
                client.api(), playDomain, EXPIRY, Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(3));
    }

    private void listDomains(String... domains) {
        server.onActionResult("ListDomain", domainList(domains));
    }

    private static String domainList(String... domains) {
        return "{\"PlayInstanceInfo\":{\"ByteInstances\":[{\"Domains\":[" + String.join(",", domains)
                + "]}]},\"Total\":" + domains.length + ",\"Offset\":0}";
    }

    private static String domain(String name, String cdnStatus, String httpsStatus) {
        return "{\"Domain\":\"" + name + "\",\"CdnStatus\":\"" + cdnStatus + "\",\"Certificate\":{\"HttpsStatus\":\""
                + httpsStatus + "\"}}";
    }

    private static String typeA(String master, String backup, long validity) {
        return rule("typea", master, backup, validity);
    }

    private static String rule(String type, String master, String backup, long validity) {
        return "{\"Config\":{\"SignedUrlAuthControl\":{\"SignedUrlAuth\":{\"Switch\":true,\"SignedUrlAuthRules\":["
                + "{\"SignedUrlAuthAction\":{\"URLAuthType\":\"" + type + "\",\"MasterSecretKey\":\"" + master
                + "\",\"BackupSecretKey\":\"" + backup + "\",\"Duration\":" + validity + "}}]}}}}";
    }
}
