package io.vodkit.client.internal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.FakeVodTestBase;
import io.vodkit.client.VodException;
import io.vodkit.client.api.SourceInfo;
import io.vodkit.client.api.UploadFunction;
import io.vodkit.client.media.UploadMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ApplyUploadInfo, CommitUploadInfo, ListDomain and DescribeDomainConfig: what they send and how they read. */
class UploadStepsTest extends FakeVodTestBase {

    @Test
    void applyUploadInfoSendsSetParamsAndReadsTheAddress() {
        server.onActionResult(
                "ApplyUploadInfo",
                "{\"Data\":{\"UploadAddress\":{"
                        + "\"StoreInfos\":[{\"StoreUri\":\"tos-b/abc.mp4\",\"Auth\":\"SpaceKey/s/1/:v2:tok\"}],"
                        + "\"UploadHosts\":[\"up1.example.com\",\"up2.example.com\"],"
                        + "\"UploadHeader\":[{\"Key\":\"X-Extra\",\"Value\":\"1\"}],\"SessionKey\":\"sess-1\"}}}");

        UploadAddress address = new ApplyUploadInfo(client.api())
                .call(new ApplyUploadInfo.Request("my_space", null, ".mp4", 1048576, "media", 0, null));

        assertThat(address.storeInfos()).containsExactly(new StoreInfo("tos-b/abc.mp4", "SpaceKey/s/1/:v2:tok"));
        assertThat(address.uploadHosts()).containsExactly("up1.example.com", "up2.example.com");
        assertThat(address.uploadHeaders()).containsExactly(new UploadHeader("X-Extra", "1"));
        assertThat(address.sessionKey()).isEqualTo("sess-1");
        assertThat(address.storeInfos().get(0).toString()).doesNotContain("tok");
        assertThat(server.actionRequests("ApplyUploadInfo").get(0).query())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Action",
                        "ApplyUploadInfo",
                        "Version",
                        "2023-01-01",
                        "SpaceName",
                        "my_space",
                        "FileExtension",
                        ".mp4",
                        "FileSize",
                        "1048576",
                        "FileType",
                        "media"));
    }

    @Test
    void applyUploadInfoWithoutAddressIsAnError() {
        server.onActionResult("ApplyUploadInfo", "{\"Data\":{}}");

        assertThatThrownBy(() -> new ApplyUploadInfo(client.api())
                        .call(new ApplyUploadInfo.Request("s", null, ".mp4", 1, null, 0, null)))
                .isExactlyInstanceOf(VodException.class)
                .hasMessageContaining("UploadAddress");
    }

    @Test
    void commitUploadInfoSendsDefaultFunctionsAndReadsSourceInfo() {
        server.onActionResult(
                "CommitUploadInfo",
                "{\"Data\":{\"Vid\":\"v0abc\",\"PosterUri\":\"tos-b/cover\","
                        + "\"SourceInfo\":{\"FileName\":\"abc.mp4\",\"StoreUri\":\"tos-b/abc.mp4\",\"Md5\":\"m\",\"FileType\":\"video\","
                        + "\"Format\":\"mp4\",\"Codec\":\"h264\",\"Width\":1920,\"Height\":1080,\"Duration\":12.34,"
                        + "\"Size\":4096000.0,\"Bitrate\":\"2655\",\"Fps\":29.97,\"Definition\":\"1080p\",\"CreateTime\":null}}}");

        CommittedMedia media =
                new CommitUploadInfo(client.api()).call(new CommitUploadInfo.Request("my_space", "sess-1", null, null));

        assertThat(media.vid()).isEqualTo("v0abc");
        assertThat(media.posterUri()).isEqualTo("tos-b/cover");
        assertThat(media.sourceInfo())
                .isEqualTo(new SourceInfo(
                        "abc.mp4",
                        "tos-b/abc.mp4",
                        4096000,
                        "m",
                        "video",
                        "mp4",
                        12.34,
                        1920,
                        1080,
                        "h264",
                        2655,
                        29.97,
                        "1080p",
                        ""));
        Map<String, String> query =
                server.actionRequests("CommitUploadInfo").get(0).query();
        assertThat(query).containsEntry("SessionKey", "sess-1").doesNotContainKey("CallbackArgs");
        assertThat(query.get("Functions"))
                .isEqualTo("[{\"Name\":\"GetMeta\"},{\"Name\":\"Snapshot\",\"Input\":{\"SnapshotTime\":0}}]");
    }

    @Test
    void commitUploadInfoSendsTitleAndCallbackArgs() {
        server.onActionResult("CommitUploadInfo", "{\"Data\":{\"Vid\":\"v1\"}}");

        new CommitUploadInfo(client.api())
                .call(new CommitUploadInfo.Request(
                        "s",
                        "k",
                        List.of(
                                UploadFunction.getMeta(),
                                UploadMetadata.title("My \"clip\"").functions().get(0),
                                UploadFunction.snapshot(1.5)),
                        "cb"));

        Map<String, String> query =
                server.actionRequests("CommitUploadInfo").get(0).query();
        assertThat(query.get("Functions"))
                .isEqualTo("[{\"Name\":\"GetMeta\"},{\"Name\":\"AddOptionInfo\",\"Input\":"
                        + "{\"Title\":\"My \\\"clip\\\"\"}},{\"Name\":\"Snapshot\",\"Input\":{\"SnapshotTime\":1.5}}]");
        assertThat(query).containsEntry("CallbackArgs", "cb");
    }

    @Test
    void listDomainReadsByteInstanceDomains() {
        server.onActionResult(
                "ListDomain",
                "{\"SpaceName\":\"s\",\"PlayInstanceInfo\":{\"ByteInstances\":["
                        + "{\"InstanceId\":\"i1\",\"Domains\":[{\"Domain\":\"a.example.com\",\"CdnStatus\":\"enable\","
                        + "\"Certificate\":{\"HttpsStatus\":\"enable\",\"ExpiredAt\":\"2027-01-01T00:00:00Z\"}},"
                        + "{\"Domain\":\"b.example.com\",\"CdnStatus\":\"disable\"}]}],\"OtherInstances\":[]},"
                        + "\"Total\":2,\"Offset\":0}");

        DomainPage page = new ListDomain(client.api()).call(ListDomain.Request.playDomains("s"));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.domains()).extracting(DomainInfo::domain).containsExactly("a.example.com", "b.example.com");
        assertThat(page.domains().get(0).cdnEnabled()).isTrue();
        assertThat(page.domains().get(0).httpsEnabled()).isTrue();
        assertThat(page.domains().get(1).cdnEnabled()).isFalse();
        assertThat(page.domains().get(1).httpsEnabled()).isFalse();
        assertThat(server.actionRequests("ListDomain").get(0).query())
                .containsEntry("DomainType", "play")
                .containsEntry("SourceStationType", "1")
                .containsEntry("Offset", "0");
    }

    @Test
    void describeDomainConfigWithoutSwitchTakesRulesAsInForce() {
        server.onActionResult(
                "DescribeDomainConfig",
                "{\"Config\":{\"SignedUrlAuthControl\":{\"SignedUrlAuth\":{"
                        + "\"SignedUrlAuthRules\":[{\"SignedUrlAuthAction\":{\"URLAuthType\":\"typea\",\"MasterSecretKey\":\"k1\"}}]"
                        + "}}}}");

        DomainConfig config = new DescribeDomainConfig(client.api())
                .call(DescribeDomainConfig.Request.playDomain("s", "a.example.com"));

        assertThat(config.activeRule()).hasValueSatisfying(rule -> {
            assertThat(rule.signingKey()).isEqualTo("k1");
            assertThat(rule.validity()).isZero();
        });
    }

    @Test
    void describeDomainConfigReadsTypeARules() {
        server.onActionResult(
                "DescribeDomainConfig",
                "{\"Domain\":{\"Domain\":\"a.example.com\",\"ConfigStatus\":"
                        + "\"online\"},\"Config\":{\"SignedUrlAuthControl\":{\"SignedUrlAuth\":{\"Switch\":true,"
                        + "\"SignedUrlAuthRules\":[{\"SignedUrlAuthAction\":{\"URLAuthType\":\"typea\",\"MasterSecretKey\":\"\","
                        + "\"BackupSecretKey\":\"backupkey1\",\"SignName\":\"auth_key\",\"Duration\":1800}}]}}}}");

        DomainConfig config = new DescribeDomainConfig(client.api())
                .call(DescribeDomainConfig.Request.playDomain("s", "a.example.com"));

        assertThat(config.domain()).isEqualTo("a.example.com");
        UrlAuthRule rule = config.activeRule().orElseThrow();
        assertThat(rule.isTypeA()).isTrue();
        assertThat(rule.signingKey()).isEqualTo("backupkey1");
        assertThat(rule.validity()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rule.toString()).doesNotContain("backupkey1");
        assertThat(server.actionRequests("DescribeDomainConfig").get(0).query())
                .containsEntry("Domain", "a.example.com")
                .containsEntry("DomainType", "play")
                .containsEntry("Version", "2023-01-01");
    }
}
