package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.RawMcpSession;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vodkit mcp} spoken to over stdio line by line: a line that is not a JSON-RPC message gets a JSON-RPC error
 * and the server keeps serving; tool arguments are values ({@code @FILE} is never read); local files come only from
 * the workspace, the temp directory and {@code VOD_UPLOAD_ALLOWED_DIRS}; the server exits when its stdin closes.
 */
class McpStdioTest {
    private static final String TOKEN = "tok-5b21e0-mcp-never-print-me";

    @TempDir
    Path tmp;

    private Map<String, String> env(TestEmulator vod) throws Exception {
        Map<String, String> env = new HashMap<>(vod.env(tmp.resolve("home")));
        env.put("MY_TOKEN", TOKEN);
        env.put("TMPDIR", Files.createDirectories(tmp.resolve("tmpdir")).toString());
        return env;
    }

    @Test
    void badLinesGetJsonRpcErrorsArgumentsAreValuesAndTheServerEndsWithItsInput() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"));
                RawMcpSession mcp = RawMcpSession.start(work, env(vod))) {
            mcp.send("this is not JSON, and it holds " + TOKEN);
            JsonNode parse = mcp.next();
            assertThat(parse.get("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(parse.get("id").isNull()).as(parse.toString()).isTrue();
            assertThat(parse.get("error").get("code").asInt()).isEqualTo(-32700);

            mcp.send("");
            mcp.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"");
            assertThat(mcp.next().get("error").get("code").asInt())
                    .as("a cut-off message")
                    .isEqualTo(-32700);
            mcp.send("[{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}]");
            assertThat(mcp.next().get("error").get("code").asInt())
                    .as("a batch")
                    .isEqualTo(-32600);
            mcp.send("{\"jsonrpc\":\"2.0\",\"id\":\"x5\",\"params\":{}}");
            JsonNode invalid = mcp.next();
            assertThat(invalid.get("id").asText()).isEqualTo("x5");
            assertThat(invalid.get("error").get("code").asInt()).isEqualTo(-32600);

            mcp.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"" + "m".repeat(5 << 20) + "\"}");
            assertThat(mcp.next().get("error").get("code").asInt())
                    .as("a line over 4 MiB")
                    .isEqualTo(-32600);

            JsonNode tools = mcp.request(6, "tools/list", "{}");
            assertThat(tools.get("result").get("tools")).as("still serving").isNotEmpty();

            JsonNode upload = mcp.callTool(7, "upload_media", Map.of("source", "@/proc/self/environ"));
            assertThat(upload.get("isError").asBoolean()).isTrue();
            assertThat(RawMcpSession.text(upload).get("error").asText())
                    .contains("@/proc/self/environ")
                    .contains("not found");
            JsonNode enhance = mcp.callTool(
                    8, "enhance_video", Map.of("video", "@/proc/self/environ", "config", "common", "tier", "standard"));
            assertThat(enhance.get("isError").asBoolean()).isTrue();
            JsonNode play = mcp.callTool(9, "get_play_url", Map.of("source", "@/proc/self/environ"));
            assertThat(play.get("isError").asBoolean()).isTrue();
            JsonNode poll = mcp.callTool(10, "get_execution", Map.of("RunId", "@/proc/self/environ", "wait", false));
            assertThat(poll.get("isError").asBoolean()).isTrue();

            assertThat(mcp.closeInput())
                    .as("exit code once stdin closed; stderr %s", mcp.stderr())
                    .isZero();
            assertThat(String.join("\n", mcp.stdout()) + String.join("\n", mcp.stderr()))
                    .doesNotContain(TOKEN)
                    .doesNotContain(TestEmulator.SECRET_KEY);
            assertThat(vod.stats().get("vids").asLong()).isZero();
        }
    }

    @Test
    void uploadsOnlyFromTheWorkspaceTheTempDirectoryAndTheAllowedFolders() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path outside = TestMedia.randomFile(
                Files.createDirectories(tmp.resolve("outside")).resolve("out.mp4"), 1000, 1);
        Path allowed = TestMedia.randomFile(
                Files.createDirectories(tmp.resolve("allowed")).resolve("ok.mp4"), 1000, 2);
        TestMedia.randomFile(work.resolve("in.mp4"), 1000, 3);
        Files.createSymbolicLink(work.resolve("link.mp4"), outside);
        try (TestEmulator vod = TestEmulator.start(tmp.resolve("data"))) {
            Map<String, String> env = env(vod);
            Path temp = TestMedia.randomFile(Path.of(env.get("TMPDIR")).resolve("t.mp4"), 1000, 4);
            try (RawMcpSession mcp = RawMcpSession.start(work, env)) {
                assertThat(vid(mcp.callTool(1, "upload_media", Map.of("source", "in.mp4"))))
                        .startsWith("v");
                assertThat(vid(mcp.callTool(2, "upload_media", Map.of("source", temp.toString()))))
                        .startsWith("v");
                assertThat(refusal(mcp.callTool(3, "upload_media", Map.of("source", outside.toString()))))
                        .contains("outside the folders")
                        .contains("VOD_UPLOAD_ALLOWED_DIRS");
                assertThat(refusal(mcp.callTool(4, "upload_media", Map.of("source", "link.mp4"))))
                        .contains("which leads to " + outside.toRealPath());
                assertThat(refusal(mcp.callTool(5, "upload_media", Map.of("source", allowed.toString()))))
                        .contains("outside the folders");
                assertThat(refusal(mcp.callTool(6, "upload_media", Map.of("source", "."))))
                        .as("a folder holding a link that leads outside")
                        .contains("link.mp4");
            }
            assertThat(vod.stats().get("vids").asLong())
                    .as("only the two files inside")
                    .isEqualTo(2);

            env.put("VOD_UPLOAD_ALLOWED_DIRS", tmp.resolve("elsewhere") + java.io.File.pathSeparator + "../allowed");
            try (RawMcpSession mcp = RawMcpSession.start(work, env)) {
                assertThat(vid(mcp.callTool(1, "upload_media", Map.of("source", allowed.toString()))))
                        .startsWith("v");
                assertThat(refusal(mcp.callTool(2, "upload_media", Map.of("source", outside.toString()))))
                        .contains("outside the folders");
            }
        }
    }

    private static String vid(JsonNode result) {
        assertThat(result.get("isError").asBoolean()).as(result.toString()).isFalse();
        return RawMcpSession.text(result).get("Vid").asText();
    }

    private static String refusal(JsonNode result) {
        assertThat(result.get("isError").asBoolean()).as(result.toString()).isTrue();
        return RawMcpSession.text(result).get("error").asText();
    }
}
