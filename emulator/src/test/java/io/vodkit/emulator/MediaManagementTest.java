package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.support.EmulatorTestBase;
import io.vodkit.emulator.support.SourceServer;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.TestEmulator.Grant;
import io.vodkit.emulator.support.VodTestClient.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GetMediaInfos, GetMediaList, UpdateMediaInfo, UpdateMediaStorageClass, DeleteMedia and DeleteMediaTosFile over
 * real HTTP (media-management.md A4–A10): parameters, limits, error codes and result shapes.
 */
class MediaManagementTest extends EmulatorTestBase {
    private static final String V = "2023-01-01";
    private static final String OPTIONS = "[{\"Name\":\"AddOptionInfo\",\"Input\":{\"Title\":\"Sea\",\"Description\":"
            + "\"waves\",\"Tags\":\"a, b,a\",\"Category\":\"video\",\"ClassificationId\":7,\"RecordType\":1}}]";

    private String upload(String name, byte[] data, String functions, Map<String, String> apply) {
        Grant grant = vod.apply(TestEmulator.SPACE, apply.isEmpty() ? Map.of("FileName", name) : apply);
        assertThat(vod.directPut(grant, data).status()).isEqualTo(200);
        return vod.commit(TestEmulator.SPACE, grant.sessionKey(), functions)
                .result()
                .path("Data")
                .path("Vid")
                .asText();
    }

    private Reply get(String action, Map<String, String> params) {
        return vod.client().get(action, V, params);
    }

    @Test
    void metadataGivenAtUploadShowsInGetMediaInfosAndUnknownVidsAreListed() {
        String vid =
                upload("sea.bin", new byte[] {1, 2, 3}, OPTIONS, Map.of("FileName", "sea.bin", "StorageClass", "2"));

        JsonNode result =
                get("GetMediaInfos", Map.of("Vids", vid + ",v0nope," + vid)).result();

        assertThat(result.path("MediaInfoList")).hasSize(1);
        JsonNode basic = result.path("MediaInfoList").get(0).path("BasicInfo");
        assertThat(basic.path("Vid").asText()).isEqualTo(vid);
        assertThat(basic.path("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
        assertThat(basic.path("Title").asText()).isEqualTo("Sea");
        assertThat(basic.path("Description").asText()).isEqualTo("waves");
        assertThat(basic.path("Tags").isArray()).isTrue();
        assertThat(basic.path("Tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(basic.path("Category").asText()).isEqualTo("video");
        assertThat(basic.path("Classification").path("ClassificationId").asLong())
                .isEqualTo(7);
        assertThat(basic.path("PublishStatus").asText()).isEqualTo("Unpublished");
        assertThat(basic.path("TosStorageClass").asText()).isEqualTo("ARCHIVE");
        assertThat(basic.path("CreateTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        JsonNode source = result.path("MediaInfoList").get(0).path("SourceInfo");
        assertThat(source.path("FileName").asText()).isEqualTo("sea.bin");
        assertThat(source.path("Size").asLong()).isEqualTo(3);
        assertThat(source.path("TosStorageClass").asText()).isEqualTo("ARCHIVE");
        assertThat(result.path("MediaInfoList").get(0).path("TranscodeInfos").isArray())
                .isTrue();
        assertThat(result.path("NotExistVids").toString()).isEqualTo("[\"v0nope\"]");
        assertThat(get("GetMediaInfos", Map.of("Vids", vid)).result().has("NotExistVids"))
                .isFalse();
    }

    @Test
    void listsAreLimitedTo20VidsWithTheDocumentedCode() {
        List<String> vids = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            vids.add("v0id" + i);
        }
        for (String action : List.of("GetMediaInfos", "DeleteMedia")) {
            Reply reply = get(action, Map.of("Vids", String.join(",", vids)));
            assertThat(reply.status()).as(action).isEqualTo(400);
            assertThat(reply.error().path("Code").asText()).isEqualTo("InvalidParameter.ItemLimitExceeded");
            assertThat(reply.error().path("Message").asText()).contains("limit (20)");
        }
        Reply storage =
                get("UpdateMediaStorageClass", Map.of("Vids", String.join(",", vids), "StorageClass", "ARCHIVE"));
        assertThat(storage.error().path("Code").asText()).isEqualTo("InvalidParameter.ItemLimitExceeded");
        assertThat(get("GetMediaInfos", Map.of()).error().path("Code").asText()).isEqualTo("MissingParameter");
    }

    @Test
    void getMediaListFiltersPagesAndEchoesTheWindow() {
        String first = upload("one.bin", new byte[] {1}, OPTIONS, Map.of());
        String second = upload("two.bin", new byte[] {2}, null, Map.of());
        assertThat(get("UpdateMediaPublishStatus", Map.of("Vid", second, "Status", "Published"))
                        .status())
                .isEqualTo(200);

        JsonNode all = get(
                        "GetMediaList",
                        Map.of("SpaceName", TestEmulator.SPACE, "Order", "Asc", "PageSize", "1", "Offset", "1"))
                .result();
        assertThat(all.path("TotalCount").asInt()).isEqualTo(2);
        assertThat(all.path("Offset").isInt()).isTrue();
        assertThat(all.path("PageSize").asInt()).isEqualTo(1);
        assertThat(all.path("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
        assertThat(vidsOf(all)).containsExactly(second);
        assertThat(vidsOf(get("GetMediaList", Map.of("SpaceName", TestEmulator.SPACE))
                        .result()))
                .containsExactly(second, first);
        assertThat(vidsOf(get("GetMediaList", Map.of("SpaceName", TestEmulator.SPACE, "Status", "Published"))
                        .result()))
                .containsExactly(second);
        assertThat(vidsOf(get("GetMediaList", Map.of("SpaceName", TestEmulator.SPACE, "Tags", "x,b"))
                        .result()))
                .containsExactly(first);
        assertThat(vidsOf(get("GetMediaList", Map.of("SpaceName", TestEmulator.SPACE, "ClassificationIds", "7"))
                        .result()))
                .containsExactly(first);
        assertThat(vidsOf(
                        get("GetMediaList", Map.of("SpaceName", TestEmulator.SPACE, "EndTime", "2000-01-01T00:00:00Z"))
                                .result()))
                .isEmpty();
        // the Java SDK sends every field, empty ones as ""
        assertThat(vidsOf(get(
                                "GetMediaList",
                                Map.of(
                                        "SpaceName",
                                        TestEmulator.SPACE,
                                        "Vid",
                                        "",
                                        "Status",
                                        "",
                                        "Order",
                                        "",
                                        "Offset",
                                        "",
                                        "PageSize",
                                        "",
                                        "Tags",
                                        ""))
                        .result()))
                .hasSize(2);

        for (Map<String, String> bad : List.of(
                Map.of("PageSize", "101"),
                Map.of("PageSize", "-1"),
                Map.of("Offset", "10001"),
                Map.of("Order", "Up"),
                Map.of("Status", "Gone"),
                Map.of("StartTime", "yesterday"),
                Map.of("TosStorageClasses", "COLD"))) {
            Map<String, String> params = new HashMap<>(bad);
            params.put("SpaceName", TestEmulator.SPACE);
            Reply reply = get("GetMediaList", params);
            assertThat(reply.status()).as("%s", bad).isEqualTo(400);
            assertThat(reply.error().path("Code").asText()).isEqualTo("InvalidParameter");
        }
        assertThat(get("GetMediaList", Map.of("SpaceName", "nospace")).status()).isEqualTo(404);
    }

    @Test
    void aPulledMediaIsAUrlUploadAndCanBeFilteredSo() throws Exception {
        String uploaded = upload("up.bin", new byte[] {1}, null, Map.of());
        Path sources = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-sources"));
        Files.write(sources.resolve("pulled.mp4"), new byte[] {4, 5, 6});
        String pulled;
        try (SourceServer source = new SourceServer(sources)) {
            String jobId = vod.client()
                    .postJson(
                            "UploadMediaByUrl",
                            V,
                            "{\"SpaceName\":\"demo\",\"URLSets\":" + "[{\"SourceUrl\":\""
                                    + source.url("/files/pulled.mp4") + "\",\"StorageClass\":3}]}")
                    .result()
                    .path("Data")
                    .get(0)
                    .path("JobId")
                    .asText();
            pulled = awaitPulledVid(jobId);
        }

        JsonNode onlyPulled = get(
                        "GetMediaList", Map.of("SpaceName", TestEmulator.SPACE, "VodUploadSources", "url_upload"))
                .result();

        assertThat(vidsOf(onlyPulled)).containsExactly(pulled);
        assertThat(onlyPulled
                        .path("MediaInfoList")
                        .get(0)
                        .path("BasicInfo")
                        .path("TosStorageClass")
                        .asText())
                .isEqualTo("IA");
        assertThat(get("GetMediaInfos", Map.of("Vids", uploaded))
                        .result()
                        .path("MediaInfoList")
                        .get(0)
                        .path("BasicInfo")
                        .path("VodUploadSource")
                        .asText())
                .isEqualTo("upload");
    }

    private String awaitPulledVid(String jobId) {
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> {
                            JsonNode job = get("QueryUploadTaskInfo", Map.of("JobIds", jobId))
                                    .result()
                                    .path("Data")
                                    .path("MediaInfoList")
                                    .get(0);
                            String vid = job.path("Vid").asText();
                            if (vid.isEmpty()) {
                                assertThat(job.path("State").asText()).isNotIn("failed", "fail");
                            }
                            return vid;
                        },
                        vid -> !vid.isEmpty());
    }

    @Test
    void updateMediaInfoChangesOnlyWhatIsSentAndEmptyClears() {
        String vid = upload("upd.bin", new byte[] {5}, OPTIONS, Map.of());

        assertThat(get("UpdateMediaInfo", Map.of("Vid", vid, "Title", "New", "Tags", ""))
                        .status())
                .isEqualTo(200);

        JsonNode basic = get("GetMediaInfos", Map.of("Vids", vid))
                .result()
                .path("MediaInfoList")
                .get(0)
                .path("BasicInfo");
        assertThat(basic.path("Title").asText()).isEqualTo("New");
        assertThat(basic.path("Description").asText()).isEqualTo("waves");
        assertThat(basic.path("Tags")).isEmpty();
        assertThat(get("UpdateMediaInfo", Map.of("Vid", "v0nope", "Title", "x"))
                        .error()
                        .path("Code")
                        .asText())
                .isEqualTo("ResourceNotFound");
        assertThat(get("UpdateMediaInfo", Map.of("Vid", vid, "Title", "t".repeat(513)))
                        .status())
                .isEqualTo(400);
        assertThat(get("UpdateMediaInfo", Map.of("Vid", vid, "ClassificationId", "x"))
                        .status())
                .isEqualTo(400);

        JsonNode missing = get("UpdateMediaStorageClass", Map.of("Vids", vid + ",v0nope", "StorageClass", "ia"))
                .result();
        assertThat(missing.path("NotExistVids").toString()).isEqualTo("[\"v0nope\"]");
        assertThat(get("GetMediaInfos", Map.of("Vids", vid))
                        .result()
                        .path("MediaInfoList")
                        .get(0)
                        .path("BasicInfo")
                        .path("TosStorageClass")
                        .asText())
                .isEqualTo("IA");
        assertThat(get("UpdateMediaStorageClass", Map.of("Vids", vid, "StorageClass", "COLD"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void deleteMediaRemovesTheBytesAndItsUrlsAnswer404() {
        byte[] data = {9, 8, 7};
        String vid = upload("gone.bin", data, null, Map.of());
        assertThat(vod.download("gone.bin").status()).isEqualTo(200);

        JsonNode result = get("DeleteMedia", Map.of("Vids", vid + ",v0nope", "CallbackArgs", ""))
                .result();

        assertThat(result.path("NotExistVids").toString()).isEqualTo("[\"v0nope\"]");
        assertThat(vod.download("gone.bin").status()).isEqualTo(404);
        assertThat(get("GetMediaInfos", Map.of("Vids", vid))
                        .result()
                        .path("NotExistVids")
                        .toString())
                .isEqualTo("[\"" + vid + "\"]");
        assertThat(get("DeleteMedia", Map.of("Vids", vid))
                        .result()
                        .path("NotExistVids")
                        .toString())
                .isEqualTo("[\"" + vid + "\"]");
        assertThat(get("GetPlayInfo", Map.of("Vid", vid)).status()).isEqualTo(404);
        assertThat(get("DeleteMedia", Map.of("Vids", "v0x", "CallbackArgs", "c".repeat(513)))
                        .status())
                .isEqualTo(400);
        String again = upload("gone.bin", new byte[] {6}, null, Map.of());
        assertThat(again).isNotEqualTo(vid);
        assertThat(vod.download("gone.bin").body()).containsExactly(6);
    }

    @Test
    void deleteMediaTosFileTakesEveryBodyShapeAndKeepsTheVid() {
        String vid = upload("a.bin", new byte[] {1}, null, Map.of());
        upload("b.bin", new byte[] {2}, null, Map.of());
        upload("c.bin", new byte[] {3}, null, Map.of());

        Reply form = vod.client()
                .postForm(
                        "DeleteMediaTosFile",
                        "2023-07-01",
                        Map.of("SpaceName", TestEmulator.SPACE, "FileNames", "[\"a.bin\", \"missing.bin\"]"));
        Reply jsonText = vod.client()
                .postJson(
                        "DeleteMediaTosFile",
                        "2023-07-01",
                        "{\"SpaceName\":\"demo\",\"FileNames\":\"[\\\"b.bin\\\"]\"}");
        Reply jsonArray = vod.client()
                .postJson("DeleteMediaTosFile", "2022-12-01", "{\"SpaceName\":\"demo\",\"FileNames\":[\"c.bin\"]}");

        for (Reply reply : List.of(form, jsonText, jsonArray)) {
            assertThat(reply.status()).as(reply.text()).isEqualTo(200);
            assertThat(reply.result().path("FailedFileNames")).isEmpty();
        }
        for (String name : List.of("a.bin", "b.bin", "c.bin")) {
            assertThat(vod.download(name).status()).isEqualTo(404);
        }
        assertThat(get("GetMediaInfos", Map.of("Vids", vid)).result().path("MediaInfoList"))
                .hasSize(1);
        assertThat(vod.client()
                        .postForm(
                                "DeleteMediaTosFile",
                                "2023-01-01",
                                Map.of("SpaceName", TestEmulator.SPACE, "FileNames", "[\"a.bin\"]"))
                        .error()
                        .path("Code")
                        .asText())
                .isEqualTo("InvalidActionOrVersion");
        assertThat(vod.client()
                        .postForm("DeleteMediaTosFile", "2023-07-01", Map.of("SpaceName", TestEmulator.SPACE))
                        .error()
                        .path("Code")
                        .asText())
                .isEqualTo("MissingParameter");
    }

    private static List<String> vidsOf(JsonNode result) {
        List<String> vids = new ArrayList<>();
        result.path("MediaInfoList")
                .forEach(info -> vids.add(info.path("BasicInfo").path("Vid").asText()));
        return vids;
    }
}
