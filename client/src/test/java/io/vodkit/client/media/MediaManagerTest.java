package io.vodkit.client.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.client.FakeVodServer;
import io.vodkit.client.FakeVodServer.Reply;
import io.vodkit.client.FakeVodTestBase;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.api.PlayInfo;
import org.junit.jupiter.api.Test;

/** The media entry point's space and play-info calls, as sent and as read back. */
class MediaManagerTest extends FakeVodTestBase {

    @Test
    void playInfoReadsGetPlayInfosEntries() {
        server.onActionResult(
                "GetPlayInfo",
                "{\"Duration\":2.5,\"PlayInfoList\":[{\"FileId\":\"f1\",\"MainPlayUrl\":\"https://m.example.com/a.mp4\"}]}");

        PlayInfo info = client.media().playInfo("v0abc");

        assertThat(info.duration()).isEqualTo(2.5);
        assertThat(info.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.fileId()).isEqualTo("f1"));
        assertThat(info.firstUrl()).isEqualTo("https://m.example.com/a.mp4");
        assertThat(server.actionRequests("GetPlayInfo").get(0).query()).containsEntry("Vid", "v0abc");
    }

    @Test
    void playInfoOfAnUnknownVidIsResourceNotFound() {
        server.onAction(
                "GetPlayInfo",
                r -> Reply.json(
                        404, FakeVodServer.errorEnvelope("GetPlayInfo", "ResourceNotFound", 100002, "no such Vid")));

        assertThatThrownBy(() -> client.media().playInfo("v0gone"))
                .isInstanceOfSatisfying(
                        VodServiceException.class,
                        e -> assertThat(e.resourceNotFound()).isTrue());
    }

    @Test
    void createSpaceSendsItsName() {
        server.onActionResult("CreateSpace", "{}");

        client.media().createSpace("my_space");

        assertThat(server.actionRequests("CreateSpace").get(0).query())
                .containsEntry("SpaceName", "my_space")
                .containsEntry("Version", "2021-01-01");
    }
}
