package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.support.LiveThreads;
import io.vodkit.emulator.support.ScriptedDns;
import io.vodkit.emulator.support.SourceServer;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** UploadMediaByUrl + QueryUploadTaskInfo against a loopback source server (spec §8). */
// alone: a test counts the pull client's threads in the whole JVM, which another class's pulls would add to
@Isolated
class UrlPullTest {
    private static final String VERSION = "2023-01-01";
    private static final UrlPullConfig FAST =
            UrlPullConfig.DEFAULTS.withReadTimeout(Duration.ofMillis(300)).withMaxBytes(1024 * 1024);

    @TempDir
    Path tmp;

    private final byte[] clip = new byte[200_000];
    private SourceServer source;

    @BeforeEach
    void startSource() throws Exception {
        new Random(7).nextBytes(clip);
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        Files.write(sources.resolve("clip.mp4"), clip);
        Files.createFile(sources.resolve("empty.mp4"));
        source = new SourceServer(sources);
    }

    @AfterEach
    void stopSource() {
        source.close();
    }

    private TestEmulator start(UrlPullConfig pull) throws Exception {
        return start(config().urlPull(pull));
    }

    private TestEmulator start(EmulatorConfig.Builder config) throws Exception {
        return TestEmulator.start(config.build(), Clock.systemUTC());
    }

    private EmulatorConfig.Builder config() {
        return TestEmulator.config(tmp.resolve("data")).newBuilder();
    }

    @Test
    void aFormPostLikeTheSdkPullsTheSourceAndCommitsIt() throws Exception {
        try (TestEmulator vod = start(FAST)) {
            String url = source.url("/files/clip.mp4");
            VodTestClient.Reply submitted = postForm(
                    vod,
                    "[{\"SourceUrl\":\"" + url + "\",\"FileExtension\":\".mp4\",\"Title\":\"t1\","
                            + "\"CallbackArgs\":\"cb\",\"StorageClass\":0,\"ClassificationId\":\"0\",\"Md5\":\"\"}]");
            JsonNode data = submitted.result().path("Data");
            assertThat(data.isArray()).as(submitted.text()).isTrue();
            assertThat(data.get(0).path("SourceUrl").asText()).isEqualTo(url);
            String jobId = data.get(0).path("JobId").asText();

            JsonNode job = awaitFinal(vod, jobId);

            assertThat(job.path("State").asText()).isEqualTo("success");
            assertThat(job.path("Vid").asText()).startsWith("v0");
            assertThat(job.path("SpaceName").asText()).isEqualTo(TestEmulator.SPACE);
            assertThat(job.path("CallbackArgs").asText()).isEqualTo("cb");
            assertThat(job.path("SourceUrl").asText()).isEqualTo(url);
            assertThat(job.has("ErrorMessage")).isFalse();
            JsonNode info = job.path("SourceInfo");
            assertThat(info.path("Md5").asText()).isEqualTo(VodTestClient.md5(clip));
            assertThat(info.path("Size").asLong()).isEqualTo(clip.length);
            String fileName = info.path("FileName").asText();
            assertThat(fileName).endsWith(".mp4");
            VodTestClient.Reply download = vod.download(fileName);
            assertThat(download.status()).isEqualTo(200);
            assertThat(VodTestClient.md5(download.body())).isEqualTo(VodTestClient.md5(clip));
        }
    }

    @Test
    void aJsonBodyLikeTheSkillWithAFileNameAndRedirectsIsAccepted() throws Exception {
        try (TestEmulator vod = start(FAST)) {
            String url = source.url("/redirect/3/clip.mp4");
            VodTestClient.Reply submitted = vod.client()
                    .postJson(
                            "UploadMediaByUrl",
                            VERSION,
                            "{\"SpaceName\":\"" + TestEmulator.SPACE + "\",\"URLSets\":[{\"SourceUrl\":\"" + url
                                    + "\",\"FileName\":\"pulled/a.mp4\",\"Md5\":\"" + VodTestClient.md5(clip)
                                    + "\"}]}");
            String jobId = submitted.result().path("Data").get(0).path("JobId").asText();

            JsonNode job = awaitFinal(vod, jobId);

            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
            assertThat(job.path("SourceInfo").path("FileName").asText()).isEqualTo("pulled/a.mp4");
        }
    }

    @Test
    void aPulledVideoGetsItsMetaAndAPosterLikeACommittedUpload() throws Exception {
        Path video = TestMedia.clip(TestMedia.toolsOrSkip(), tmp.resolve("real.mp4"), 160, 120, 1);
        try (SourceServer real = new SourceServer(video.getParent());
                TestEmulator vod = start(FAST)) {
            String jobId = submit(vod, real.url("/files/real.mp4"), ",\"Title\":\"real\"")
                    .get(0);

            JsonNode job = awaitFinal(vod, jobId);

            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
            assertThat(job.path("SourceInfo").path("Width").asInt()).isEqualTo(160);
            assertThat(job.path("SourceInfo").path("FileType").asText()).isEqualTo("video");
            assertThat(job.path("PosterUri").asText()).contains("_vodkit/posters/");
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("/files/missing.mp4", null, "source answered HTTP 404"),
                Arguments.of("/files/empty.mp4", null, "source returned an empty body"),
                Arguments.of("/stall/clip.mp4", null, "timed out after 0.3 s reading"),
                Arguments.of("/loop/clip.mp4", null, "too many redirects (more than 5)"),
                Arguments.of("/files/clip.mp4", "0123456789abcdef0123456789abcdef", "MD5 mismatch"),
                Arguments.of("refused", null, "connection refused by 127.0.0.1:1"));
    }

    @ParameterizedTest(name = "{0} fails with {2}")
    @MethodSource("failures")
    void aSourceThatCannotBePulledFailsWithAReadableReason(String path, String md5, String reason) throws Exception {
        try (TestEmulator vod = start(FAST)) {
            String url = path.equals("refused") ? "http://127.0.0.1:1/clip.mp4" : source.url(path);
            String jobId = submit(vod, url, md5 == null ? "" : ",\"Md5\":\"" + md5 + "\"")
                    .get(0);

            JsonNode job = awaitFinal(vod, jobId);

            assertThat(job.path("State").asText()).isEqualTo("failed");
            assertThat(job.path("ErrorMessage").asText()).startsWith(reason);
            assertThat(job.path("Vid").asText()).isEmpty();
        }
    }

    @Test
    void resubmittingAFileNameAndSourceUrlAnswersTheSameJobUnlessItFailed() throws Exception {
        try (TestEmulator vod = start(FAST)) {
            String named = ",\"FileName\":\"pulled/clip.mp4\"";
            String jobId = submit(vod, source.url("/files/clip.mp4"), named).get(0);

            assertThat(submit(vod, source.url("/files/clip.mp4"), named)).containsExactly(jobId);
            assertThat(awaitFinal(vod, jobId).path("State").asText()).isEqualTo("success");
            assertThat(submit(vod, source.url("/files/clip.mp4"), named)).containsExactly(jobId);
            assertThat(source.requests("/files/clip.mp4")).isEqualTo(1);
            // another source for a FileName that now holds a Vid: committed media is not overwritten
            VodTestClient.Reply other =
                    postForm(vod, "[{\"SourceUrl\":\"" + source.url("/files/clip.mp4?v=2") + "\"" + named + "}]");
            assertThat(other.error().path("Message").asText()).contains("pulled/clip.mp4 holds the committed media");

            String missing = submit(vod, source.url("/files/missing.mp4"), ",\"FileName\":\"pulled/m.mp4\"")
                    .get(0);
            assertThat(awaitFinal(vod, missing).path("State").asText()).isEqualTo("failed");
            assertThat(submit(vod, source.url("/files/missing.mp4"), ",\"FileName\":\"pulled/m.mp4\""))
                    .doesNotContain(missing);
        }
    }

    @Test
    void aSourceOverTheSizeLimitFails() throws Exception {
        try (TestEmulator vod = start(FAST.withMaxBytes(1024))) {
            String jobId = submit(vod, source.url("/files/clip.mp4"), "").get(0);

            assertThat(awaitFinal(vod, jobId).path("ErrorMessage").asText())
                    .isEqualTo("source is larger than the 1 KiB limit");
        }
    }

    @Test
    void unknownJobIdsAreListedAsNotExisting() throws Exception {
        try (TestEmulator vod = start(FAST)) {
            String jobId = submit(vod, source.url("/files/clip.mp4"), "").get(0);

            JsonNode data = query(vod, jobId + ",nope");

            assertThat(data.path("MediaInfoList")).hasSize(1);
            assertThat(data.path("MediaInfoList").get(0).path("JobId").asText()).isEqualTo(jobId);
            assertThat(data.path("NotExistJobIds").get(0).asText()).isEqualTo("nope");
        }
    }

    static Stream<Arguments> badSubmissions() {
        String twentyOne = IntStream.range(0, 21)
                .mapToObj(i -> "{\"SourceUrl\":\"http://h/x.mp4\"}")
                .collect(Collectors.joining(",", "[", "]"));
        return Stream.of(
                Arguments.of("[{\"SourceUrl\":\"http://h/no-extension\"}]", "FileExtension"),
                Arguments.of("[{\"SourceUrl\":\"ftp://h/x.mp4\"}]", "SourceUrl"),
                Arguments.of("[{\"FileExtension\":\".mp4\"}]", "SourceUrl"),
                Arguments.of("[]", "URLSets"),
                Arguments.of(twentyOne, "URLSets"),
                Arguments.of("{\"SourceUrl\":\"http://h/x.mp4\"}", "URLSets"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubmissions")
    void badUrlSetsAreRefusedWithoutCreatingJobs(String urlSets, String parameter) throws Exception {
        try (TestEmulator vod = start(FAST)) {
            VodTestClient.Reply reply = postForm(vod, urlSets);

            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.error().path("Message").asText()).contains(parameter);
        }
    }

    @Test
    void jobsBeyondTheWorkersWaitAsInitial() throws Exception {
        try (TestEmulator vod =
                start(FAST.withReadTimeout(Duration.ofSeconds(20)).withWorkers(1))) {
            List<String> jobs = submit(vod, source.url("/gated/clip.mp4"), "");
            jobs.addAll(submit(vod, source.url("/files/clip.mp4"), ""));
            awaitGatedRequests(1);

            assertThat(query(vod, jobs.get(1))
                            .path("MediaInfoList")
                            .get(0)
                            .path("State")
                            .asText())
                    .isEqualTo("initial");
            source.open();
            assertThat(awaitFinal(vod, jobs.get(0)).path("State").asText()).isEqualTo("success");
            assertThat(awaitFinal(vod, jobs.get(1)).path("State").asText()).isEqualTo("success");
        }
    }

    @Test
    void aPullCutShortByAStopIsFetchedAgainAfterTheRestart() throws Exception {
        UrlPullConfig pull = FAST.withReadTimeout(Duration.ofSeconds(20));
        String jobId;
        try (TestEmulator vod = start(pull)) {
            jobId = submit(vod, source.url("/gated/clip.mp4"), "").get(0);
            awaitGatedRequests(1);
            assertThat(query(vod, jobId)
                            .path("MediaInfoList")
                            .get(0)
                            .path("State")
                            .asText())
                    .isEqualTo("processing");
        }
        source.open();
        try (TestEmulator vod = start(pull)) {
            JsonNode job = awaitFinal(vod, jobId);

            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
            assertThat(job.path("SourceInfo").path("Md5").asText()).isEqualTo(VodTestClient.md5(clip));
            assertThat(source.gatedRequests()).isEqualTo(2);
        }
    }

    @Test
    void anUnfinishedPullKeepsTheEmulatorFromBeingIdle() throws Exception {
        try (TestEmulator vod = start(FAST.withReadTimeout(Duration.ofSeconds(20)))) {
            String jobId = submit(vod, source.url("/gated/clip.mp4"), "").get(0);
            awaitGatedRequests(1);

            assertThat(vod.emulator().idleTime())
                    .as("a pull runs, no request does")
                    .isZero();

            source.open();
            assertThat(awaitFinal(vod, jobId).path("State").asText()).isEqualTo("success");
            assertThat(vod.emulator().idleTime())
                    .as("done: idle since the last query")
                    .isPositive();
        }
    }

    @Test
    void aPullInterruptedThreeTimesFails() throws Exception {
        UrlPullConfig pull = FAST.withReadTimeout(Duration.ofSeconds(20));
        String jobId = null;
        for (int run = 1; run <= 3; run++) {
            try (TestEmulator vod = start(pull)) {
                if (jobId == null) {
                    jobId = submit(vod, source.url("/gated/clip.mp4"), "").get(0);
                }
                awaitGatedRequests(run);
            }
        }
        try (TestEmulator vod = start(pull)) {
            JsonNode job = query(vod, jobId).path("MediaInfoList").get(0);

            assertThat(job.path("State").asText()).isEqualTo("failed");
            assertThat(job.path("ErrorMessage").asText()).isEqualTo("interrupted 3 times");
        }
    }

    @Test
    void aJobRunAgainAfterItsFetchCommitsWithoutFetchingTheSourceAgain() throws Exception {
        String jobId;
        String vid;
        try (TestEmulator vod = start(FAST)) {
            jobId = submit(vod, source.url("/files/clip.mp4"), "").get(0);
            vid = awaitFinal(vod, jobId).path("Vid").asText();
        }
        // as a kill after the commit, before the job was marked done, leaves it
        sql("UPDATE url_jobs SET state = 'processing' WHERE job_id = ?", jobId);
        try (TestEmulator vod = start(FAST)) {
            JsonNode job = awaitFinal(vod, jobId);
            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
            assertThat(job.path("Vid").asText()).isEqualTo(vid);
        }
        // as a kill after the fetch, before the commit, leaves it
        sql("UPDATE url_jobs SET state = 'processing' WHERE job_id = ?", jobId);
        sql("DELETE FROM media WHERE vid = ?", vid);
        sql("UPDATE upload_sessions SET committed_vid = NULL WHERE committed_vid = ?", vid);
        try (TestEmulator vod = start(FAST)) {
            JsonNode job = awaitFinal(vod, jobId);
            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
            assertThat(job.path("Vid").asText()).startsWith("v0").isNotEqualTo(vid);
            assertThat(job.path("SourceInfo").path("Md5").asText()).isEqualTo(VodTestClient.md5(clip));
        }
        assertThat(source.requests("/files/clip.mp4")).isEqualTo(1);
    }

    @Test
    void aPullNeverReachesTheEmulatorItselfWhateverNamesIt() throws Exception {
        try (TestEmulator vod = start(FAST)) {
            int port = vod.emulator().port();
            List<String> selves = List.of(
                    "http://127.0.0.1:" + port + "/_vodkit/stats",
                    "http://localhost:" + port + "/_vodkit/stats",
                    "http://[::1]:" + port + "/_vodkit/stats",
                    "http://0.0.0.0:" + port + "/_vodkit/stats",
                    source.url("/away/stats.mp4?http://127.0.0.1:" + port + "/_vodkit/stats"));
            for (String url : selves) {
                JsonNode job = awaitFinal(
                        vod, submit(vod, url, ",\"FileExtension\":\".mp4\"").get(0));

                assertThat(job.path("State").asText()).as(url).isEqualTo("failed");
                assertThat(job.path("ErrorMessage").asText()).as(url).startsWith("refused: ");
            }
            assertThat(source.requests("/away/stats.mp4")).isEqualTo(1);
            // the loopback source server (another port) is still fine
            assertThat(awaitFinal(
                                    vod,
                                    submit(vod, source.url("/files/clip.mp4"), "")
                                            .get(0))
                            .path("State")
                            .asText())
                    .isEqualTo("success");
        }
    }

    @Test
    void aSourceNameThatRebindsAfterItsLookupIsPulledFromTheVettedAddressOnly() throws Exception {
        ScriptedDns dns = new ScriptedDns().answer("rebind.example", List.of("127.0.0.1"), List.of("169.254.169.254"));
        try (TestEmulator vod = start(FAST.withResolver(dns))) {
            String url = "http://rebind.example:" + source.port() + "/files/clip.mp4";

            JsonNode job = awaitFinal(vod, submit(vod, url, "").get(0));

            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
            assertThat(job.path("SourceInfo").path("Md5").asText()).isEqualTo(VodTestClient.md5(clip));
            assertThat(dns.lookups("rebind.example")).isEqualTo(1);
            assertThat(source.reachedAt()).containsExactly(InetAddress.getByName("127.0.0.1"));
        }
    }

    @Test
    void aSourceNameThatAnswersTheEmulatorItselfIsRefusedWhateverItAnswersNext() throws Exception {
        ScriptedDns dns = new ScriptedDns();
        try (TestEmulator vod = start(FAST.withResolver(dns))) {
            int port = vod.emulator().port();
            dns.answer("self.example", List.of("127.0.0.1"), List.of("93.184.216.34"));

            JsonNode job = awaitFinal(
                    vod,
                    submit(vod, "http://self.example:" + port + "/_vodkit/stats", ",\"FileExtension\":\".mp4\"")
                            .get(0));

            assertThat(job.path("State").asText()).isEqualTo("failed");
            assertThat(job.path("ErrorMessage").asText())
                    .isEqualTo("refused: self.example:" + port + " is this emulator itself (127.0.0.1)");
            assertThat(dns.lookups("self.example")).isEqualTo(1);
        }
    }

    @Test
    void theHttpClientOfPullsStartsWithTheFirstPullAndStopsWithTheEmulator() throws Exception {
        try (TestEmulator vod = start(FAST)) {
            assertThat(LiveThreads.named("vodkit-pull-http"))
                    .as("no pull, no client")
                    .isZero();

            JsonNode job = awaitFinal(
                    vod, submit(vod, source.url("/files/clip.mp4"), "").get(0));

            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
            assertThat(LiveThreads.named("vodkit-pull-http")).isPositive();
        }
        await().alias("the pull client's threads end")
                .atMost(Duration.ofSeconds(10))
                .until(() -> LiveThreads.named("vodkit-pull-http") == 0);
    }

    @Test
    void boundBeyondLoopbackPrivateSourcesNeedAllowPrivateSources() throws Exception {
        try (TestEmulator vod = start(config().host("0.0.0.0").urlPull(FAST))) {
            JsonNode job = awaitFinal(
                    vod, submit(vod, source.url("/files/clip.mp4"), "").get(0));

            assertThat(job.path("State").asText()).isEqualTo("failed");
            assertThat(job.path("ErrorMessage").asText())
                    .isEqualTo("refused: 127.0.0.1 is a loopback or private "
                            + "address (127.0.0.1) and the emulator serves beyond loopback; start it with vodkit serve "
                            + "--allow-private-sources to pull from private networks");
        }
        assertThat(source.requests("/files/clip.mp4")).isZero();
        try (TestEmulator vod = start(config().host("0.0.0.0").urlPull(FAST.withAllowPrivateSources(true)))) {
            JsonNode job = awaitFinal(
                    vod, submit(vod, source.url("/files/clip.mp4"), "").get(0));

            assertThat(job.path("State").asText()).as(job.toString()).isEqualTo("success");
        }
    }

    /** Runs one statement on the (stopped) emulator's database. */
    private void sql(String statement, String argument) throws Exception {
        try (Database database = Database.open(tmp.resolve("data").resolve(Emulator.DATABASE_FILE))) {
            database.run(c -> {
                try (PreparedStatement ps = c.prepareStatement(statement)) {
                    ps.setString(1, argument);
                    return ps.executeUpdate();
                }
            });
        }
    }

    /** Waits until the source has seen {@code count} requests for the gated clip (a fetch is under way). */
    private void awaitGatedRequests(int count) {
        await().alias("a fetch of the gated clip")
                .atMost(Duration.ofSeconds(10))
                .until(() -> source.gatedRequests() >= count);
    }

    private List<String> submit(TestEmulator vod, String url, String extraFields) {
        VodTestClient.Reply reply = postForm(vod, "[{\"SourceUrl\":\"" + url + "\"" + extraFields + "}]");
        List<String> ids = new ArrayList<>();
        reply.result().path("Data").forEach(job -> ids.add(job.path("JobId").asText()));
        assertThat(ids).as(reply.text()).isNotEmpty();
        return ids;
    }

    /** UploadMediaByUrl as a form post, the way the official SDKs send it. */
    private static VodTestClient.Reply postForm(TestEmulator vod, String urlSets) {
        return vod.client()
                .postForm("UploadMediaByUrl", VERSION, Map.of("SpaceName", TestEmulator.SPACE, "URLSets", urlSets));
    }

    private static JsonNode query(TestEmulator vod, String jobIds) {
        return vod.client()
                .get("QueryUploadTaskInfo", VERSION, Map.of("JobIds", jobIds))
                .result()
                .path("Data");
    }

    private static JsonNode awaitFinal(TestEmulator vod, String jobId) {
        return awaitJob(
                vod,
                jobId,
                job -> List.of("success", "failed").contains(job.path("State").asText()));
    }

    /** Queries until {@code done} holds (10 s at most). */
    private static JsonNode awaitJob(TestEmulator vod, String jobId, Predicate<JsonNode> done) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> query(vod, jobId).path("MediaInfoList").get(0), done);
    }
}
