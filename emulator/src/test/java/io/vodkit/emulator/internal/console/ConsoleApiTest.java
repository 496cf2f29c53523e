package io.vodkit.emulator.internal.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.support.SourceServer;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The console's token guard and its JSON endpoints, over HTTP as a browser sends them. */
class ConsoleApiTest {
    @TempDir
    Path dataDir;

    @Test
    void everyConsoleRequestWithoutTheTokenOrItsCookieIsRefused() throws IOException {
        String cookie;
        try (TestEmulator env = TestEmulator.start(dataDir)) {
            VodTestClient client = env.client();
            for (String path : new String[] {
                "/console/",
                "/console/console.js",
                "/console/api/media",
                "/console/api/spaces",
                "/console/api/jobs",
                "/console/?token=wrong"
            }) {
                VodTestClient.Reply refused = client.send("GET", path, Map.of(), new byte[0]);
                assertThat(refused.status()).as(path).isEqualTo(401);
                assertThat(refused.text()).as(path).contains("vodkit console").doesNotContain("token=");
            }
            assertThat(client.send(
                                    "POST",
                                    "/console/api/uploads",
                                    Map.of("Content-Type", "application/json"),
                                    "{\"space\":\"demo\"}".getBytes(StandardCharsets.UTF_8))
                            .status())
                    .isEqualTo(401);
            assertThat(client.send("DELETE", "/console/api/media/v0d", Map.of(), new byte[0])
                            .status())
                    .isEqualTo(401);
            assertThat(client.send("GET", "/console/api/restorations/r1/measures", Map.of(), new byte[0])
                            .status())
                    .isEqualTo(401);

            URI console = env.emulator().consoleUrl();
            assertThat(console.toString()).startsWith(env.emulator().endpoint() + "/console/?token=");
            VodTestClient.Reply page =
                    client.send("GET", console.getRawPath() + "?" + console.getRawQuery(), Map.of(), new byte[0]);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.text()).contains("<title>vodkit console</title>");
            String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie)
                    .contains("HttpOnly")
                    .contains("SameSite=Strict")
                    .contains("Path=/console");
            cookie = setCookie.substring(0, setCookie.indexOf(';'));

            VodTestClient.Reply spaces =
                    client.send("GET", "/console/api/spaces", Map.of("Cookie", cookie), new byte[0]);
            assertThat(spaces.status()).isEqualTo(200);
            assertThat(spaces.json().path("spaces").toString()).contains("demo", "other");
            assertThat(client.send("GET", "/console/api/spaces", Map.of("Cookie", cookie + "x"), new byte[0])
                            .status())
                    .isEqualTo(401);
        }
        try (TestEmulator restarted = TestEmulator.start(dataDir)) {
            assertThat(restarted
                            .client()
                            .send("GET", "/console/api/spaces", Map.of("Cookie", cookie), new byte[0])
                            .status())
                    .as("a new start, a new token")
                    .isEqualTo(401);
        }
    }

    @Test
    void uploadsThroughTheGatewayThenEditsListsAndDeletes() throws Exception {
        try (TestEmulator env = TestEmulator.start(dataDir)) {
            Console console = new Console(env);
            JsonNode grant =
                    console.send("POST", "/console/api/uploads", "{\"space\":\"fresh\",\"fileExtension\":\".mp4\"}");
            assertThat(grant.path("path").asText())
                    .isEqualTo("/" + grant.path("storeUri").asText());
            byte[] bytes = new byte[64 * 1024];
            new Random(7).nextBytes(bytes);
            VodTestClient.Reply put = env.client()
                    .gatewayPut(
                            grant.path("storeUri").asText(),
                            grant.path("auth").asText(),
                            null,
                            bytes,
                            Map.of("Content-CRC32", VodTestClient.crc32(bytes)));
            assertThat(put.status()).isEqualTo(200);
            JsonNode media = console.send(
                    "POST",
                    "/console/api/uploads/commit",
                    "{\"space\":\"fresh\",\"sessionKey\":\""
                            + grant.path("sessionKey").asText() + "\",\"title\":\"Holiday clip\"}");
            String vid = media.path("vid").asText();
            assertThat(vid).isNotEmpty();
            assertThat(media.path("title").asText()).isEqualTo("Holiday clip");
            assertThat(media.path("source").asText()).isEqualTo("vid://" + vid);
            assertThat(media.path("space").asText()).isEqualTo("fresh");
            assertThat(media.path("sizeBytes").asLong()).isEqualTo(bytes.length);

            URI play = URI.create(media.path("playUrl").asText());
            VodTestClient.Reply played =
                    env.client().send("GET", play.getRawPath() + "?" + play.getRawQuery(), Map.of(), new byte[0]);
            assertThat(played.status()).isEqualTo(200);
            assertThat(played.body()).isEqualTo(bytes);

            assertThat(console.send("GET", "/console/api/media?q=holiday", null).path("media"))
                    .hasSize(1);
            assertThat(console.send("GET", "/console/api/media?q=nothing", null).path("media"))
                    .isEmpty();
            assertThat(console.send("GET", "/console/api/media?status=Unpublished&space=fresh", null)
                            .path("media"))
                    .hasSize(1);
            assertThat(console.send("GET", "/console/api/media?status=Published", null)
                            .path("media"))
                    .isEmpty();
            assertThat(console.send("GET", "/console/api/media?space=demo", null)
                            .path("media"))
                    .isEmpty();

            JsonNode edited = console.send(
                    "PATCH",
                    "/console/api/media/" + vid,
                    "{\"title\":\"Renamed\",\"description\":\"by the sea\",\"tags\":\"sea, summer,sea\"}");
            assertThat(edited.path("title").asText()).isEqualTo("Renamed");
            JsonNode reread = console.send("GET", "/console/api/media/" + vid, null);
            assertThat(reread.path("description").asText()).isEqualTo("by the sea");
            assertThat(reread.path("tags").toString()).isEqualTo("[\"sea\",\"summer\"]");
            JsonNode basic = env.client()
                    .get("GetMediaInfos", "2023-01-01", Map.of("Vids", vid))
                    .result()
                    .path("MediaInfoList")
                    .get(0)
                    .path("BasicInfo");
            assertThat(basic.path("Title").asText())
                    .as("as UpdateMediaInfo stores it")
                    .isEqualTo("Renamed");
            assertThat(basic.path("Description").asText()).isEqualTo("by the sea");

            JsonNode deleted = console.send("DELETE", "/console/api/media/" + vid, null);
            assertThat(deleted.path("deleted").asText()).isEqualTo(vid);
            assertThat(console.status("GET", "/console/api/media/" + vid, null)).isEqualTo(404);
            assertThat(env.client()
                            .get("GetMediaInfos", "2023-01-01", Map.of("Vids", vid))
                            .result()
                            .path("MediaInfoList"))
                    .as("gone for the OpenAPI too")
                    .isEmpty();
            assertThat(env.client()
                            .send("GET", play.getRawPath() + "?" + play.getRawQuery(), Map.of(), new byte[0])
                            .status())
                    .as("the deleted file is gone")
                    .isEqualTo(404);
        }
    }

    @Test
    void aUrlPullStartedHereShowsItsStateInJobs() throws Exception {
        byte[] bytes = new byte[200_000];
        new Random(3).nextBytes(bytes);
        Path sources = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-sources"));
        Files.write(sources.resolve("pulled.mp4"), bytes);
        try (SourceServer source = new SourceServer(sources);
                TestEmulator env = TestEmulator.start(dataDir)) {
            Console console = new Console(env);
            String jobId = console.send(
                            "POST",
                            "/console/api/pulls",
                            "{\"space\":\"demo\",\"url\":\"" + source.url("/files/pulled.mp4")
                                    + "\",\"title\":\"Pulled\"}")
                    .path("jobId")
                    .asText();
            assertThat(jobId).isNotEmpty();
            // the pull runs on the emulator's workers
            JsonNode job = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> {
                                JsonNode found = null;
                                for (JsonNode pull : console.send("GET", "/console/api/jobs", null)
                                        .path("pulls")) {
                                    if (pull.path("jobId").asText().equals(jobId)) {
                                        found = pull;
                                    }
                                }
                                return found;
                            },
                            found -> found != null
                                    && List.of("success", "failed")
                                            .contains(found.path("state").asText()));
            assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("success");
            assertThat(job.path("sourceUrl").asText()).isEqualTo(source.url("/files/pulled.mp4"));
            assertThat(job.path("seconds").asDouble()).isGreaterThanOrEqualTo(0);
            JsonNode media =
                    console.send("GET", "/console/api/media/" + job.path("vid").asText(), null);
            assertThat(media.path("title").asText()).isEqualTo("Pulled");
            assertThat(media.path("sizeBytes").asLong()).isEqualTo(bytes.length);
        }
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void aFinishedRestorationIsMeasuredAsCompareDoesOnceAndKept(@TempDir Path work) throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        byte[] clip = Files.readAllBytes(TestMedia.clip(tools, work.resolve("clip.mp4"), 320, 240, 2));
        String runId;
        String vid;
        try (TestEmulator env = TestEmulator.start(dataDir)) {
            Console console = new Console(env);
            assertThat(console.status("GET", "/console/api/restorations/r1/measures", null))
                    .isEqualTo(404);
            JsonNode grant =
                    console.send("POST", "/console/api/uploads", "{\"space\":\"demo\",\"fileExtension\":\".mp4\"}");
            assertThat(env.client()
                            .gatewayPut(
                                    grant.path("storeUri").asText(),
                                    grant.path("auth").asText(),
                                    null,
                                    clip,
                                    Map.of("Content-CRC32", VodTestClient.crc32(clip)))
                            .status())
                    .isEqualTo(200);
            vid = console.send(
                            "POST",
                            "/console/api/uploads/commit",
                            "{\"space\":\"demo\",\"sessionKey\":\""
                                    + grant.path("sessionKey").asText() + "\"}")
                    .path("vid")
                    .asText();
            runId = console.send(
                            "POST",
                            "/console/api/restorations",
                            "{\"vid\":\"" + vid + "\",\"template\":\"common\",\"res\":\"480p\"}")
                    .path("runId")
                    .asText();
            // the job runs on the emulator's worker; until it succeeds its measures are refused
            JsonNode job = await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> {
                                JsonNode running = console.send("GET", "/console/api/restorations/" + runId, null);
                                if (console.status("GET", "/console/api/restorations/" + runId + "/measures", null)
                                        == 409) {
                                    assertThat(console.error(
                                                    "GET", "/console/api/restorations/" + runId + "/measures", null))
                                            .startsWith("409 restoration " + runId + " is ")
                                            .endsWith("once it has succeeded");
                                }
                                return running;
                            },
                            running -> List.of("Success", "Failed")
                                    .contains(running.path("status").asText()));
            assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("Success");

            JsonNode measures = console.send("GET", "/console/api/restorations/" + runId + "/measures", null);
            assertThat(measures.path("runId").asText()).isEqualTo(runId);
            for (String side : List.of("before", "after")) {
                JsonNode m = measures.path(side).path("measures");
                assertThat(m.fieldNames())
                        .toIterable()
                        .containsExactly("blockiness", "noise", "blur", "banding", "flicker");
                m.forEach(one -> {
                    assertThat(one.path("value").isNumber())
                            .as(side + " " + one)
                            .isTrue();
                    assertThat(one.path("unit").asText()).isNotBlank();
                    assertThat(one.path("better").asText()).isEqualTo("lower");
                });
            }
            assertThat(measures.path("before").path("width").asInt()).isEqualTo(320);
            assertThat(measures.path("after").path("height").asInt())
                    .as("restored to 480p")
                    .isEqualTo(480);
            assertThat(measures.path("comparable").asBoolean())
                    .as(measures.toString())
                    .isTrue();
            assertThat(measures.path("scaled").asText()).isEqualTo("AFTER 640x480 scaled to BEFORE's 320x240");
            JsonNode psnr = measures.path("after_vs_before").path("psnr");
            assertThat(psnr.path("y").asDouble()).as("the same content").isGreaterThan(20);
            assertThat(psnr.path("unit").asText()).isEqualTo("dB");
            assertThat(measures.path("after_vs_before").path("ssim").path("all").asDouble())
                    .isBetween(0.7, 1.0);
            assertThat(measures.path("changes").path("better").size()
                            + measures.path("changes").path("worse").size()
                            + measures.path("changes").path("same").size())
                    .isEqualTo(5);
            JsonNode report = measures.path("report");
            assertThat(report.path("done").isArray()).isTrue();
            assertThat(report.path("done").size() > 0 || report.hasNonNull("leftAsIs"))
                    .as("what it did, or why it left the picture: " + report)
                    .isTrue();
            assertThat(report.path("sizeRatio").asDouble()).isPositive();

            Path kept = RestorationMeasures.kept(dataDir.resolve("console-measures"), runId);
            assertThat(kept).as("measured once, then kept").isRegularFile();
            Files.writeString(
                    kept, Files.readString(kept).replace("\"comparable\":true", "\"comparable\":true," + "\"kept\":1"));
            assertThat(console.send("GET", "/console/api/restorations/" + runId + "/measures", null)
                            .path("kept")
                            .asInt())
                    .as("the second answer comes from what was kept, not from ffmpeg")
                    .isEqualTo(1);
            Files.delete(kept);
        }
        try (TestEmulator noFfmpeg = TestEmulator.start(
                TestEmulator.config(dataDir)
                        .newBuilder()
                        .ffmpeg(dataDir.resolve("no-ffmpeg"))
                        .build(),
                Clock.systemUTC())) {
            assertThat(new Console(noFfmpeg).error("GET", "/console/api/restorations/" + runId + "/measures", null))
                    .isEqualTo("503 ffmpeg is not available to the emulator, so it cannot measure restorations: "
                            + "install ffmpeg or set VODKIT_FFMPEG, then restart");

            Path kept = RestorationMeasures.kept(dataDir.resolve("console-measures"), runId);
            Files.writeString(kept, "{\"kept\":1}");
            Console console = new Console(noFfmpeg);
            console.send("DELETE", "/console/api/media/" + vid, null);
            assertThat(console.error("GET", "/console/api/restorations/" + runId + "/measures", null))
                    .isEqualTo("410 the restoration's source file is gone");
            assertThat(kept).as("the measures of deleted media are dropped").doesNotExist();
        }
    }

    @Test
    void badInputGetsAClearError() throws Exception {
        try (TestEmulator env = TestEmulator.start(dataDir)) {
            Console console = new Console(env);
            assertThat(console.error("PATCH", "/console/api/media/v0dnone", "{\"title\":\"x\"}"))
                    .isEqualTo("404 no media v0dnone");
            assertThat(console.error(
                            "PATCH", "/console/api/media/v0dnone", "title=x", "application/x-www-form-urlencoded"))
                    .isEqualTo("415 send application/json");
            assertThat(console.error("POST", "/console/api/uploads", "[1]"))
                    .isEqualTo("400 the body must be a JSON object");
            assertThat(console.error("POST", "/console/api/uploads", "{")).startsWith("400 the body is not JSON");
            assertThat(console.error("POST", "/console/api/uploads", "{}")).isEqualTo("400 space is required");
            assertThat(console.error("POST", "/console/api/uploads", "{\"space\":\"no space\"}"))
                    .startsWith("400 space name must be");
            assertThat(console.error("POST", "/console/api/uploads", "{\"space\":\"demo\",\"fileExtension\":\"mp4\"}"))
                    .startsWith("400 ")
                    .contains("FileExtension");
            assertThat(console.error(
                            "POST", "/console/api/pulls", "{\"space\":\"demo\",\"url\":\"ftp://example.com/a.mp4\"}"))
                    .startsWith("400 ");
            assertThat(console.error("POST", "/console/api/restorations", "{\"vid\":\"v0dnone\"}"))
                    .isEqualTo("404 no media v0dnone");
            assertThat(console.error("GET", "/console/api/restorations/nope", null))
                    .isEqualTo("404 no restoration nope");
            assertThat(console.error("GET", "/console/api/restorations/nope/measures", null))
                    .isEqualTo("404 no restoration nope");
            assertThat(console.error("GET", "/console/nothing.html", null)).startsWith("404");
            String longTitle = "t".repeat(129);
            assertThat(console.error("PATCH", "/console/api/media/v0dnone", "{\"title\":\"" + longTitle + "\"}"))
                    .isEqualTo("400 title must be at most 128 characters");
        }
    }

    /** A browser's view: the cookie the token URL set, JSON bodies. */
    private static final class Console {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI base;
        private final String cookie;

        Console(TestEmulator env) throws Exception {
            base = env.emulator().endpoint();
            HttpResponse<String> first = http.send(
                    HttpRequest.newBuilder(env.emulator().consoleUrl()).build(), HttpResponse.BodyHandlers.ofString());
            String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
        }

        HttpResponse<String> raw(String method, String path, String body, String type) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Cookie", cookie)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", type);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode send(String method, String path, String body) throws Exception {
            HttpResponse<String> response = raw(method, path, body, "application/json");
            assertThat(response.statusCode())
                    .as(method + " " + path + ": " + response.body())
                    .isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            return Json.parse(response.body());
        }

        int status(String method, String path, String body) throws Exception {
            return raw(method, path, body, "application/json").statusCode();
        }

        String error(String method, String path, String body) throws Exception {
            return error(method, path, body, "application/json");
        }

        String error(String method, String path, String body, String type) throws Exception {
            HttpResponse<String> response = raw(method, path, body, type);
            String text =
                    response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")
                            ? Json.parse(response.body()).path("error").asText()
                            : response.body();
            return response.statusCode() + " " + text;
        }
    }
}
