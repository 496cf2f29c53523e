package io.vodkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.cli.support.CliResult;
import io.vodkit.cli.support.CliRun;
import io.vodkit.cli.support.TestEmulator;
import io.vodkit.cli.support.TestMedia;
import io.vodkit.cli.support.TestVideos;
import io.vodkit.emulator.support.SourceServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code info}, {@code ls}, {@code download}, {@code update} and {@code rm} against a real emulator. */
class MediaCommandsEndToEndTest {
    @TempDir
    Path tmp;

    private TestEmulator vod;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        vod = TestEmulator.start(tmp.resolve("data"));
        env = vod.env(tmp.resolve("home"));
    }

    @AfterEach
    void stop() {
        vod.close();
    }

    private CliResult run(String... args) {
        return CliRun.run(env, tmp, args);
    }

    private JsonNode ok(String... args) {
        CliResult result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.lines().get(result.lines().size() - 1);
    }

    private JsonNode upload(String name, long size, long seed, String... flags) throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve(name), size, seed);
        List<String> args = new ArrayList<>(List.of("upload", file.toString()));
        args.addAll(List.of(flags));
        return ok(args.toArray(String[]::new));
    }

    private static void assertInvalid(CliResult result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.single().get("error").asText()).contains(message);
    }

    @Test
    void infoShowsTheMediaAndAnErrorLinePerUnknownVid() throws Exception {
        JsonNode uploaded = upload("clip.mp4", 50_000, 1, "--title", "Sea");
        String vid = uploaded.get("Vid").asText();

        JsonNode info = ok("info", "vid://" + vid);

        assertThat(info.get("Vid").asText()).isEqualTo(vid);
        assertThat(info.get("Source").asText()).isEqualTo("vid://" + vid);
        assertThat(info.get("Title").asText()).isEqualTo("Sea");
        assertThat(info.get("Size").asLong()).isEqualTo(50_000);
        assertThat(info.get("Md5").asText()).isEqualTo(TestMedia.md5(tmp.resolve("clip.mp4")));
        assertThat(info.get("PublishStatus").asText()).isEqualTo("Unpublished");
        assertThat(info.get("StorageClass").asText()).isEqualTo("STANDARD");
        assertThat(TestMedia.downloadMd5(info.get("PlayURL").asText()))
                .isEqualTo(info.get("Md5").asText());

        CliResult missing = run("info", vid, "v0unknown");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(missing.lines()).hasSize(2);
        assertThat(missing.lines().get(0).get("Vid").asText()).isEqualTo(vid);
        assertThat(missing.lines().get(1).get("error").asText()).contains("v0unknown");

        List<String> many = new ArrayList<>(List.of("info"));
        for (int i = 0; i < 21; i++) {
            many.add("v0none" + i);
        }
        CliResult batched = run(many.toArray(String[]::new));
        assertThat(batched.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(batched.lines()).hasSize(21).allMatch(line -> line.has("error"));
        assertInvalid(run("info", "directurl://a.mp4"), "not a Vid");
    }

    @Test
    void lsPagesThroughTheSpaceAndChecksItsFlags() throws Exception {
        String first = upload("a.mp4", 1000, 2).get("Vid").asText();
        String second = upload("b.mp4", 1000, 3).get("Vid").asText();
        String third = upload("c.mp4", 1000, 4).get("Vid").asText();

        CliResult all = run("ls", "--page-size", "2", "--order", "asc");
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(all.lines()).extracting(line -> line.get("Vid").asText()).containsExactly(first, second, third);
        assertThat(run("ls", "--limit", "2").lines())
                .extracting(line -> line.get("Vid").asText())
                .containsExactly(third, second);
        ok("update", second, "--publish");
        assertThat(run("ls", "--status", "published").lines())
                .extracting(line -> line.get("Vid").asText())
                .containsExactly(second);
        assertThat(run("ls", "--until", "2000-01-01T00:00:00Z").lines()).isEmpty();

        assertInvalid(run("ls", "--page-size", "0"), "--page-size");
        assertInvalid(run("ls", "--page-size", "101"), "--page-size");
        assertInvalid(run("ls", "--status", "gone"), "--status");
        assertInvalid(run("ls", "--since", "yesterday"), "--since");
        assertInvalid(run("ls", "--storage-class", "cold"), "--storage-class must be standard, archive or ia");
    }

    @Test
    void lsDrawsATableOnATerminalUnlessJsonIsAsked() throws Exception {
        String vid = upload("a.mp4", 1000, 5, "--title", "Harbour").get("Vid").asText();

        String table = onTerminal("", "ls");
        String json = onTerminal("", "ls", "--json");

        assertThat(table.lines().findFirst().orElseThrow()).startsWith("VID").contains("TITLE", "DURATION", "SIZE");
        assertThat(table).contains(vid).contains("Harbour").contains("1 media");
        assertThat(json.strip()).startsWith("{\"Vid\":\"" + vid + "\"");
    }

    @Test
    void downloadStreamsVerifiesAndRefusesToOverwrite() throws Exception {
        JsonNode uploaded = upload("clip.mp4", 300_000, 6);
        String vid = uploaded.get("Vid").asText();
        String md5 = TestMedia.md5(tmp.resolve("clip.mp4"));
        Files.createDirectories(tmp.resolve("out"));

        JsonNode line = ok("download", "vid://" + vid, "-o", "out/copy.mp4");
        assertThat(line.get("Source").asText()).isEqualTo("vid://" + vid);
        assertThat(line.get("Path").asText())
                .isEqualTo(tmp.resolve("out/copy.mp4").toString());
        assertThat(line.get("Size").asLong()).isEqualTo(300_000);
        assertThat(line.get("Md5").asText()).isEqualTo(md5);
        assertThat(TestMedia.md5(tmp.resolve("out/copy.mp4"))).isEqualTo(md5);

        assertThat(run("download", "vid://" + vid, "-o", "out/piped.mp4").stderr())
                .doesNotContain("\033[");
        CliResult drawn = CliRun.runOnTerminal(env, tmp, "download", "vid://" + vid, "-o", "out/drawn.mp4");
        assertThat(drawn.exitCode()).as(drawn.toString()).isZero();
        assertThat(drawn.stderr()).contains("drawn.mp4").contains("100%");
        assertInvalid(run("download", "vid://" + vid, "-o", "out/copy.mp4"), "--force");
        ok("download", "vid://" + vid, "-o", "out/copy.mp4", "--force");

        JsonNode intoDirectory =
                ok("download", "directurl://" + uploaded.get("FileName").asText(), "-o", "out");
        assertThat(Path.of(intoDirectory.get("Path").asText()))
                .isEqualTo(tmp.resolve("out").resolve(uploaded.get("FileName").asText()));
        Files.createDirectories(
                tmp.resolve("taken").resolve(uploaded.get("FileName").asText()));
        assertInvalid(
                run("download", "directurl://" + uploaded.get("FileName").asText(), "-o", "taken"), "is a directory");
        assertInvalid(run("download", "vid://" + vid, "-o", "missing/"), "no such directory");
        assertThat(run("download", "vid://v0unknown").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.list(tmp.resolve("out")).map(p -> p.getFileName().toString()))
                .noneMatch(name -> name.endsWith(".part"));
    }

    @Test
    void aDownloadCutHalfWayIsResumedWithRange() throws Exception {
        upload("clip.mp4", 400_000, 7);
        String vid = ok("ls").get("Vid").asText();
        byte[] original = Files.readAllBytes(tmp.resolve("clip.mp4"));
        Path target = tmp.resolve("resumed.mp4");
        // what a connection cut half-way leaves behind
        Files.write(tmp.resolve(".resumed.mp4.part"), Arrays.copyOf(original, 200_000));

        CliResult result = run("download", "vid://" + vid, "-o", "resumed.mp4");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).contains("resumed resumed.mp4 from byte 200000");
        assertThat(Files.readAllBytes(target)).isEqualTo(original);
        assertThat(tmp.resolve(".resumed.mp4.part")).doesNotExist();

        // a leftover that does not belong to the file fails the MD5 check and is removed
        byte[] wrong = Arrays.copyOf(original, 100_000);
        wrong[0] ^= 1;
        Files.write(tmp.resolve(".bad.mp4.part"), wrong);
        CliResult bad = run("download", "vid://" + vid, "-o", "bad.mp4");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(bad.single().get("error").asText()).contains("MD5");
        assertThat(tmp.resolve(".bad.mp4.part")).doesNotExist();
        assertThat(tmp.resolve("bad.mp4")).doesNotExist();
    }

    @Test
    void updateChangesOnlyWhatIsGiven() throws Exception {
        String vid = upload("clip.mp4", 1000, 8, "--title", "Old").get("Vid").asText();

        JsonNode updated = ok(
                "update",
                "vid://" + vid,
                "--description",
                "d",
                "--tags",
                "x,y",
                "--category",
                "video",
                "--classification-id",
                "12",
                "--storage-class",
                "archive",
                "--publish");

        assertThat(updated.get("Title").asText()).isEqualTo("Old");
        assertThat(updated.get("Description").asText()).isEqualTo("d");
        assertThat(updated.get("Tags").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(updated.get("Category").asText()).isEqualTo("video");
        assertThat(updated.get("ClassificationId").asLong()).isEqualTo(12);
        assertThat(updated.get("StorageClass").asText()).isEqualTo("ARCHIVE");
        assertThat(updated.get("PublishStatus").asText()).isEqualTo("Published");
        JsonNode cleared = ok("update", vid, "--tags", "", "--unpublish");
        assertThat(cleared.get("Tags")).isEmpty();
        assertThat(cleared.get("Description").asText()).isEqualTo("d");
        assertThat(cleared.get("PublishStatus").asText()).isEqualTo("Unpublished");

        assertInvalid(run("update", vid), "nothing to change");
        assertInvalid(run("update", vid, "--storage-class", "cold"), "--storage-class must be standard, archive or ia");
        assertInvalid(run("update", vid, "--title", "t".repeat(513)), "--title must be at most 512 characters");
        assertInvalid(run("update", vid, "--category", "film"), "--category");
        assertThat(run("update", "v0unknown", "--title", "x").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run("update", vid, "--publish", "--unpublish").exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void rmDeletesMediaAndFilesAndAsksBeforeDeletingSeveral() throws Exception {
        JsonNode a = upload("a.mp4", 2000, 9);
        JsonNode b = upload("b.mp4", 2000, 10);
        JsonNode c = upload("c.mp4", 2000, 11);
        String urlA = ok("info", a.get("Vid").asText()).get("PlayURL").asText();

        assertInvalid(run("rm", a.get("Vid").asText(), b.get("Vid").asText()), "--yes");
        assertThat(status(urlA)).isEqualTo(200);
        assertThat(onTerminal("n\n", "rm", a.get("Vid").asText(), b.get("Vid").asText()))
                .contains("not confirmed");
        assertThat(status(urlA)).isEqualTo(200);

        String answer = onTerminal(
                "y\n", "rm", "vid://" + a.get("Vid").asText(), b.get("Vid").asText());
        assertThat(answer).contains("\"Deleted\":true").contains(a.get("Vid").asText());
        assertThat(status(urlA)).isEqualTo(404);
        assertThat(run("info", a.get("Vid").asText()).exitCode()).isEqualTo(ExitCodes.FAILED);

        JsonNode reuploaded = ok("upload", "a.mp4");
        assertThat(reuploaded.has("Skipped"))
                .as("the ledger forgot the deleted Vid")
                .isFalse();
        assertThat(reuploaded.get("Vid").asText()).isNotEqualTo(a.get("Vid").asText());

        CliResult again = run("rm", a.get("Vid").asText());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.single().get("error").asText()).contains(a.get("Vid").asText());

        String fileC = c.get("FileName").asText();
        JsonNode removed = ok("rm", "directurl://" + fileC);
        assertThat(removed.get("FileName").asText()).isEqualTo(fileC);
        assertThat(removed.get("Deleted").asBoolean()).isTrue();
        assertThat(run("download", "directurl://" + fileC, "-o", "c-copy.mp4").exitCode())
                .isEqualTo(ExitCodes.FAILED);
        assertThat(ok("info", c.get("Vid").asText()).get("Vid").asText())
                .isEqualTo(c.get("Vid").asText());
    }

    @Test
    void enhanceDownloadsItsResultAndDeletingTheMediaRemovesPosterAndOutputs() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        videos.clean(tmp.resolve("clip.mp4"), 0.4);
        env.put("VOD_POLL_INTERVAL", "0.2");
        JsonNode uploaded = ok("upload", "clip.mp4");
        String vid = uploaded.get("Vid").asText();
        Files.writeString(tmp.resolve("taken.mp4"), "keep");
        assertInvalid(
                run("enhance", "vid://" + vid, "--config", "common", "--tier", "standard", "--download", "taken.mp4"),
                "--force");

        JsonNode enhanced =
                ok("enhance", "vid://" + vid, "--config", "common", "--tier", "standard", "--download", "restored.mp4");

        JsonNode download = enhanced.get("Download");
        String output = enhanced.get("VideoUrls").get(0).get("DirectUrl").asText();
        assertThat(download.get("Source").asText()).isEqualTo("directurl://" + output);
        assertThat(download.get("Path").asText())
                .isEqualTo(tmp.resolve("restored.mp4").toString());
        assertThat(TestMedia.md5(tmp.resolve("restored.mp4")))
                .isEqualTo(download.get("Md5").asText());
        assertThat(Files.readString(tmp.resolve("taken.mp4"))).isEqualTo("keep");
        String outputUrl = enhanced.get("VideoUrls").get(0).get("Url").asText();
        String posterUri = ok("info", vid).get("PosterUri").asText();
        assertThat(posterUri).isNotEmpty();
        String posterUrl = ok("play-url", "directurl://" + posterUri.substring(posterUri.indexOf('/') + 1))
                .get("PlayURL")
                .asText();
        assertThat(status(outputUrl)).isEqualTo(200);
        assertThat(status(posterUrl)).isEqualTo(200);

        ok("rm", vid);

        assertThat(status(outputUrl)).isEqualTo(404);
        assertThat(status(posterUrl)).isEqualTo(404);
        assertThat(status(uploaded.get("PlayURL").asText())).isEqualTo(404);
    }

    @Test
    void metadataGivenAtUploadShowsInInfoForFilesAndUrls() throws Exception {
        Path served = Files.createDirectories(tmp.resolve("served"));
        TestMedia.randomFile(served.resolve("remote.mp4"), 3000, 12);
        String[] metadata = {
            "--description",
            "by the sea",
            "--tags",
            "sea,dawn",
            "--category",
            "video",
            "--classification-id",
            "3",
            "--record-type",
            "1",
            "--storage-class",
            "archive",
            "--callback-args",
            "ctx"
        };
        try (SourceServer source = new SourceServer(served)) {
            List<String> fileArgs = new ArrayList<>(List.of(
                    "upload",
                    TestMedia.randomFile(tmp.resolve("local.mp4"), 3000, 13).toString(),
                    "--title",
                    "Local"));
            fileArgs.addAll(List.of(metadata));
            List<String> urlArgs =
                    new ArrayList<>(List.of("upload", source.url("/files/remote.mp4"), "--title", "Remote"));
            urlArgs.addAll(List.of(metadata));
            env.put("VOD_POLL_INTERVAL", "0.2");

            for (List<String> args : List.of(fileArgs, urlArgs)) {
                String vid = ok(args.toArray(String[]::new)).get("Vid").asText();
                JsonNode info = ok("info", vid);
                assertThat(info.get("Title").asText()).isIn("Local", "Remote");
                assertThat(info.get("Description").asText()).isEqualTo("by the sea");
                assertThat(info.get("Tags").toString()).isEqualTo("[\"sea\",\"dawn\"]");
                assertThat(info.get("Category").asText()).isEqualTo("video");
                assertThat(info.get("ClassificationId").asLong()).isEqualTo(3);
                assertThat(info.get("StorageClass").asText()).isEqualTo("ARCHIVE");
            }
        }
    }

    @Test
    void badMetadataIsRefusedBeforeAnyByteIsSent() throws Exception {
        Path file = TestMedia.randomFile(tmp.resolve("clip.mp4"), 1000, 14);
        String url = "https://example.com/clip.mp4";

        assertInvalid(
                run("upload", file.toString(), "--storage-class", "cold"),
                "--storage-class must be standard, archive or ia");
        assertInvalid(
                run("upload", file.toString(), "--title", "t".repeat(513)), "--title must be at most 512 characters");
        assertInvalid(run("upload", url, "--title", "t".repeat(129)), "--title must be at most 128");
        assertInvalid(run("upload", url, "--tags", "a".repeat(37)), "--tags must be at most 36");
        assertInvalid(
                run("upload", file.toString(), "--tags", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q"),
                "--tags must be at most 16");
        assertInvalid(
                run("upload", file.toString(), "--record-type", "2"), "--category must be given with record type 2");
        assertInvalid(
                run("upload", file.toString(), "--record-type", "3"), "--record-type must be 1 (audio/video) or 2");
        assertInvalid(run("upload", file.toString(), "--category", "film"), "--category must be video, audio");
        assertInvalid(
                run("upload", file.toString(), "--callback-args", "c".repeat(513)),
                "--callback-args must be at most 512");
        assertThat(vod.stats().get("requests").asLong()).isZero();
    }

    @Test
    void aWorkflowTemplateTheEmulatorLacksIsRefusedAndAKnownOneIsAccepted() throws Exception {
        TestVideos videos = TestVideos.orSkip();
        videos.clean(tmp.resolve("clip.mp4"), 0.3);
        vod.defineWorkflowTemplate("small=transcode:144p");

        CliResult unknown = run("upload", "clip.mp4", "--workflow", "nosuch");
        JsonNode started = ok("upload", "clip.mp4", "--workflow", "small");

        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(unknown.single().get("error").asText()).contains("workflow template nosuch");
        assertThat(started.get("Vid").asText()).startsWith("v0");
        assertInvalid(run("serve", "--workflow-template", "hd=scale:720p"), "transcode:HEIGHTp");
        assertInvalid(run("serve", "--workflow-template", "hd"), "ID=transcode:HEIGHTp");
    }

    /** Runs with stdout and stderr taken for a terminal and {@code input} on stdin; returns stdout and stderr. */
    private String onTerminal(String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(
                env,
                tmp,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                true,
                true,
                new CompletableFuture<>(),
                ProgressHook.NONE);
        VodkitCli.execute(context, args);
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static int status(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
