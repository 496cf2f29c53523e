package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.vodkit.cli.support.BackgroundEmulators;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.cli.support.TestVideos;
import io.vodkit.emulator.support.SourceServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vodkit mcp} as a child process driven over stdio by the official SDK's client: the tool list, uploads
 * (local and URL) with progress, play URLs that download the bytes, restoration, and bad input as tool errors.
 */
class McpServerEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final List<ProgressNotification> progress = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private McpSyncClient client;

    @AfterEach
    void stopServer() {
        if (client != null) {
            client.closeGracefully();
        }
        BackgroundEmulators.stopIn(tmp.resolve("home"));
    }

    /** Starts {@code vodkit mcp} with {@code env} (over the inherited one) and initializes a session. */
    private McpSyncClient start(Map<String, String> env) {
        Map<String, String> full = new HashMap<>(Map.of(
                "BYTEPLUS_ACCESSKEY",
                "",
                "BYTEPLUS_SECRETKEY",
                "",
                "VOD_ENDPOINT",
                "",
                "VOD_SPACE_NAME",
                "",
                "VOD_POLL_INTERVAL",
                "0.2",
                "VODKIT_HOME",
                tmp.resolve("home").toString(),
                "HOME",
                tmp.resolve("home").toString()));
        full.putAll(env);
        ServerParameters server = ServerParameters.builder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("-cp", System.getProperty("java.class.path"), Main.class.getName(), "mcp")
                .env(full)
                .build();
        StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(stderr::add);
        client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress::add)
                .build();
        client.initialize();
        return client;
    }

    private CallToolResult call(String tool, Map<String, Object> arguments, String progressToken) {
        CallToolRequest.Builder request = CallToolRequest.builder().name(tool).arguments(arguments);
        if (progressToken != null) {
            request.progressToken(progressToken);
        }
        return client.callTool(request.build());
    }

    /** The one JSON line a successful call returned. */
    private JsonNode success(String tool, Map<String, Object> arguments, String progressToken) throws Exception {
        CallToolResult result = call(tool, arguments, progressToken);
        assertThat(result.isError())
                .as("%s %s\nstderr: %s", tool, result, stderr)
                .isFalse();
        return only(result);
    }

    private static JsonNode only(CallToolResult result) throws Exception {
        assertThat(result.content()).hasSize(1);
        JsonNode line = JSON.readTree(((TextContent) result.content().get(0)).text());
        assertThat((Object) JSON.valueToTree(result.structuredContent())).isEqualTo(line);
        return line;
    }

    private List<ProgressNotification> progressOf(String token) {
        return progress.stream().filter(p -> token.equals(p.progressToken())).toList();
    }

    @Test
    void uploadsLocalFilesAndUrlsWithProgressAndPlayUrlsThatDownloadTheBytes() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 3_000_000, 21);
        Path served = Files.createDirectories(tmp.resolve("served"));
        TestMedia.randomFile(served.resolve("pulled.mp4"), 400_000, 22);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"));
                SourceServer source = new SourceServer(served)) {
            start(vod.env(tmp.resolve("home")));

            List<Tool> tools = client.listTools().tools();
            assertThat(tools)
                    .extracting(Tool::name)
                    .containsExactlyInAnyOrder(
                            "upload_media",
                            "get_upload_status",
                            "enhance_video",
                            "get_execution",
                            "get_play_url",
                            "get_media_info",
                            "list_media",
                            "download_media",
                            "delete_media");
            assertThat(tools).allSatisfy(tool -> {
                assertThat(tool.description()).isNotBlank();
                assertThat(tool.inputSchema()).containsEntry("type", "object").containsKey("properties");
                if (!tool.name().equals("list_media")) {
                    assertThat((List<?>) tool.inputSchema().get("required")).isNotEmpty();
                }
            });

            JsonNode uploaded = success("upload_media", Map.of("source", file.toString(), "title", "via mcp"), "up-1");
            String vid = uploaded.get("Vid").asText();
            assertThat(uploaded.get("Source").asText()).isEqualTo("vid://" + vid);
            assertThat(uploaded.get("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            assertThat(TestMedia.downloadMd5(uploaded.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
            List<ProgressNotification> upload = progressOf("up-1");
            assertThat(upload).isNotEmpty();
            assertThat(upload)
                    .extracting(ProgressNotification::progress)
                    .doesNotHaveDuplicates()
                    .contains(3_000_000.0)
                    .allMatch(bytes -> bytes > 0 && bytes <= 3_000_000.0);
            assertThat(upload).extracting(ProgressNotification::total).containsOnly(3_000_000.0);

            JsonNode played = success("get_play_url", Map.of("source", "vid://" + vid), null);
            assertThat(played.get("Vid").asText()).isEqualTo(vid);
            assertThat(TestMedia.downloadMd5(played.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));

            String url = source.url("/files/pulled.mp4");
            JsonNode pulled = success("upload_media", Map.of("source", url), "pull-1");
            assertThat(pulled.get("SourceUrl").asText()).isEqualTo(url);
            assertThat(progressOf("pull-1"))
                    .isNotEmpty()
                    .allSatisfy(p ->
                            assertThat(p.message()).contains(pulled.get("JobId").asText()));
            JsonNode status = success(
                    "get_upload_status",
                    Map.of("JobIds", List.of(pulled.get("JobId").asText())),
                    null);
            assertThat(status.get("Vid").asText()).isEqualTo(pulled.get("Vid").asText());
            assertThat(TestMedia.downloadMd5(status.get("PlayURL").asText()))
                    .isEqualTo(TestMedia.md5(served.resolve("pulled.mp4")));
        }
    }

    @Test
    void badInputIsAToolErrorCarryingTheCommandsErrorJson() throws Exception {
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            start(vod.env(tmp.resolve("home")));

            assertThat(error(
                            "upload_media",
                            Map.of("source", tmp.resolve("missing.mp4").toString())))
                    .contains("missing.mp4");
            CallToolResult unknown = call("upload_media", Map.of("source", "a.mp4", "colour", "red"), null);
            assertThat(unknown.isError()).isTrue();
            assertThat(only(unknown).get("error").asText()).isEqualTo("upload_media: unknown argument 'colour'");
            assertThat(only(unknown).get("Expected"))
                    .extracting(JsonNode::asText)
                    .containsExactly("source", "space", "title", "wait");
            CallToolResult unknownEnhance = call("enhance_video", Map.of("video", "vid://v0a", "colour", "red"), null);
            assertThat(only(unknownEnhance).get("error").asText())
                    .as("no parameter names in the text")
                    .isEqualTo("enhance_video: unknown argument 'colour'");
            assertThat(error("enhance_video", Map.of("config", "common")))
                    .isEqualTo("enhance_video: 'video' is required");
            assertThat(error("enhance_video", Map.of("video", "vid://v0a", "config", "cinema", "tier", "standard")))
                    .startsWith("the kind of video is not one vodkit knows: general video");
            assertThat(error("get_upload_status", Map.of("JobIds", List.of(1, 2))))
                    .isEqualTo("get_upload_status: 'JobIds' must hold strings, got 1");
            assertThat(error("get_play_url", Map.of("source", "https://example.com/a.mp4")))
                    .contains("is not a Vid");
            assertThat(error("get_play_url", Map.of("source", "vid://v0unknown")))
                    .contains("v0unknown")
                    .contains("does not exist");
            assertThat(vod.stats().get("requests").asLong())
                    .as("only the unknown Vid reached the service")
                    .isEqualTo(1);
        }
    }

    private String error(String tool, Map<String, Object> arguments) throws Exception {
        CallToolResult result = call(tool, arguments, null);
        assertThat(result.isError()).as(result.toString()).isTrue();
        return only(result).get("error").asText();
    }

    @Test
    void enhanceWithoutWaitingHandsOverTheRunIdAndGetExecutionWaitsForTheResult() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clip = videos.clean(tmp.resolve("clip.mkv"), 1);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            start(vod.env(tmp.resolve("home")));
            String vid = success("upload_media", Map.of("source", clip.toString()), null)
                    .get("Vid")
                    .asText();

            CallToolResult submitted = call(
                    "enhance_video",
                    Map.of(
                            "video",
                            "vid://" + vid,
                            "config",
                            "common",
                            "tier",
                            "standard",
                            "res",
                            "360p",
                            "wait",
                            false),
                    null);
            assertThat(submitted.isError()).as(submitted.toString()).isTrue();
            JsonNode running = only(submitted);
            String runId = running.get("RunId").asText();
            assertThat(running.get("resume_hint").get("command").asText()).contains("vodkit poll " + runId);

            JsonNode done = success("get_execution", Map.of("RunId", runId, "wait", true), "run-1");
            assertThat(done.get("Status").asText()).isEqualTo("Success");
            assertThat(done.get("RunId").asText()).isEqualTo(runId);
            JsonNode video = done.get("VideoUrls").get(0);
            Path restored = tmp.resolve("restored.mp4");
            assertThat(TestVideos.download(video.get("Url").asText(), restored)).isEqualTo(200);
            assertThat(videos.probe(restored).video().height()).isEqualTo(360);
            assertThat(progressOf("run-1"))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.message()).startsWith(runId));

            JsonNode direct =
                    success("get_play_url", Map.of("source", video.get("Source").asText()), null);
            assertThat(direct.get("FileName").asText())
                    .isEqualTo(video.get("DirectUrl").asText());
            assertThat(TestVideos.download(direct.get("PlayURL").asText(), tmp.resolve("again.mp4")))
                    .isEqualTo(200);
            assertThat(TestMedia.md5(tmp.resolve("again.mp4"))).isEqualTo(TestMedia.md5(restored));
        }
    }

    @Test
    void enhanceVideoReturnsTheComparisonPictureAsAnImageBesideTheJson() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        Path clean = videos.clean(tmp.resolve("clean.mkv"), 1);
        Path noisy = videos.noisy(clean, tmp.resolve("noisy.mp4"));
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            start(vod.env(tmp.resolve("home")));
            String vid = success("upload_media", Map.of("source", noisy.toString()), null)
                    .get("Vid")
                    .asText();

            CallToolResult result = call(
                    "enhance_video", Map.of("video", "vid://" + vid, "config", "common", "tier", "standard"), null);

            assertThat(result.isError()).as("%s\nstderr: %s", result, stderr).isFalse();
            assertThat(result.content()).hasSize(2);
            JsonNode line = JSON.readTree(((TextContent) result.content().get(0)).text());
            assertThat(line.get("Status").asText()).isEqualTo("Success");
            JsonNode compare = line.get("Compare");
            assertThat(compare.get("comparable").asBoolean())
                    .as(compare.toString())
                    .isTrue();
            assertThat(compare.get("before").get("source").asText()).isEqualTo("vid://" + vid);
            assertThat(compare.get("changes").get("better").toString()).contains("noise");
            ImageContent image = (ImageContent) result.content().get(1);
            assertThat(image.mimeType()).isEqualTo("image/png");
            BufferedImage png =
                    ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.data())));
            assertThat(png.getWidth())
                    .isEqualTo(compare.get("picture").get("width").asInt())
                    .isEqualTo(664);
            assertThat(png.getHeight())
                    .isEqualTo(compare.get("picture").get("height").asInt());
        }
    }

    @Test
    void withoutCredentialsTheLocalEmulatorServesEveryCallAndItsUrlsOutliveTheServer() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("song.wav"), 200_000, 23);
        start(Map.of());

        JsonNode first = success("upload_media", Map.of("source", file.toString()), null);
        JsonNode second = success("upload_media", Map.of("source", file.toString(), "space", "other"), null);

        assertThat(first.get("SpaceName").asText()).isEqualTo("local");
        assertThat(second.get("SpaceName").asText()).isEqualTo("other");
        assertThat(first.get("PlayURL").asText()).startsWith("http://127.0.0.1:");
        assertThat(TestMedia.downloadMd5(first.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
        JsonNode played = success(
                "get_play_url",
                Map.of("source", "directurl://" + second.get("FileName").asText(), "space", "other"),
                null);
        assertThat(TestMedia.downloadMd5(played.get("PlayURL").asText())).isEqualTo(TestMedia.md5(file));
        assertThat(stderr).anyMatch(line -> line.contains("started the local emulator in the background"));

        CliResult again =
                CliRun.run(Map.of("VODKIT_HOME", tmp.resolve("home").toString()), tmp, "upload", file.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stderr())
                .contains("using the local emulator at")
                .contains("data in " + tmp.resolve("home/local"));
        assertThat(again.single().get("Skipped").asBoolean())
                .as("the MCP upload is in the same ledger")
                .isTrue();
        assertThat(again.single().get("Vid").asText())
                .isEqualTo(first.get("Vid").asText());

        client.closeGracefully();
        client = null;
        assertThat(TestMedia.downloadMd5(first.get("PlayURL").asText()))
                .as("after the MCP server ended")
                .isEqualTo(TestMedia.md5(file));
    }

    @Test
    void mediaToolsReadListDownloadAndDeleteOnlyAnExplicitListOfVids() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 200_000, 23);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            start(vod.env(tmp.resolve("home")));
            String vid = success("upload_media", Map.of("source", file.toString(), "title", "kept"), null)
                    .get("Vid")
                    .asText();
            Tool delete = client.listTools().tools().stream()
                    .filter(tool -> tool.name().equals("delete_media"))
                    .findFirst()
                    .orElseThrow();
            assertThat(delete.description()).contains("DESTRUCTIVE");
            assertThat(delete.inputSchema().get("required")).isEqualTo(List.of("Vids"));

            JsonNode info = success("get_media_info", Map.of("Vids", List.of(vid)), null);
            assertThat(info.get("Title").asText()).isEqualTo("kept");
            JsonNode listed = success("list_media", Map.of("limit", 5), null);
            assertThat(listed.get("Vid").asText()).isEqualTo(vid);
            JsonNode downloaded = success(
                    "download_media",
                    Map.of(
                            "source",
                            "vid://" + vid,
                            "output",
                            tmp.resolve("copy.mp4").toString()),
                    null);
            assertThat(downloaded.get("Md5").asText()).isEqualTo(TestMedia.md5(file));
            assertThat(TestMedia.md5(tmp.resolve("copy.mp4"))).isEqualTo(TestMedia.md5(file));
            CallToolResult again = call(
                    "download_media",
                    Map.of(
                            "source",
                            "vid://" + vid,
                            "output",
                            tmp.resolve("copy.mp4").toString()),
                    null);
            assertThat(again.isError()).isTrue();
            assertThat(only(again).get("error").asText()).contains("--force");

            CallToolResult noList = call("delete_media", Map.of(), null);
            assertThat(noList.isError()).isTrue();
            assertThat(only(noList).get("error").asText()).contains("'Vids' is required");
            assertThat(success("get_media_info", Map.of("Vids", vid), null)
                            .get("Vid")
                            .asText())
                    .isEqualTo(vid);

            JsonNode deleted = success("delete_media", Map.of("Vids", List.of(vid)), null);
            assertThat(deleted.get("Deleted").asBoolean()).isTrue();
            CallToolResult gone = call("get_media_info", Map.of("Vids", vid), null);
            assertThat(gone.isError()).isTrue();
            assertThat(only(gone).get("error").asText()).contains(vid);
        }
    }
}
