package io.vodkit.client.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vodkit.client.FakeVodServer;
import io.vodkit.client.FakeVodTestBase;
import io.vodkit.client.VodException;
import io.vodkit.client.api.UrlUploadJob;
import io.vodkit.client.internal.jobs.JobPoller;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.media.UploadMetadata;
import io.vodkit.client.upload.UploadResult;
import io.vodkit.client.url.PlayUrlResolver;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UrlPullerTest extends FakeVodTestBase {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<Duration> sleeps = new ArrayList<>();

    private UrlPuller puller(int maxAttempts) {
        return new UrlPuller(
                client.api(),
                new JobPoller(new PollConfig(Duration.ofMillis(200), maxAttempts), sleeps::add),
                client.playUrls());
    }

    @Test
    void urlsAreSubmittedAsAFormWithUrlSetsJsonInBatchesOfTwenty() throws Exception {
        AtomicInteger next = new AtomicInteger();
        server.onAction("UploadMediaByUrl", r -> {
            JsonNode sets = urlSets(r);
            String data = java.util.stream.StreamSupport.stream(sets.spliterator(), false)
                    .map(set -> "{\"JobId\":\"job" + next.getAndIncrement() + "\",\"SourceUrl\":\""
                            + set.get("SourceUrl").asText() + "\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            return FakeVodServer.Reply.json(200, FakeVodServer.envelope("UploadMediaByUrl", "{\"Data\":" + data + "}"));
        });
        List<UrlPullRequest> requests = IntStream.range(0, 25)
                .mapToObj(i -> new UrlPullRequest(
                        "http://h/" + i + ".mp4", null, i == 0 ? UploadMetadata.title("first") : null))
                .toList();

        List<UrlUploadJob> jobs = puller(1).submit("space1", requests);

        assertThat(jobs)
                .extracting(UrlUploadJob::jobId)
                .containsExactlyElementsOf(
                        IntStream.range(0, 25).mapToObj(i -> "job" + i).toList());
        List<FakeVodServer.Recorded> posts = server.actionRequests("UploadMediaByUrl");
        assertThat(posts).hasSize(2);
        FakeVodServer.Recorded first = posts.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(first).get("SpaceName")).isEqualTo("space1");
        JsonNode sets = urlSets(first);
        assertThat(sets).hasSize(20);
        String generated = sets.get(0).get("FileName").asText();
        assertThat(generated).as("a FileName makes a resubmission recognisable").matches("[0-9a-f]{32}\\.mp4");
        assertThat(sets.get(0).toString())
                .isEqualTo("{\"SourceUrl\":\"http://h/0.mp4\",\"FileExtension\":\".mp4\"," + "\"FileName\":\""
                        + generated + "\",\"Title\":\"first\"}");
        assertThat(sets.get(1).get("FileName").asText())
                .matches("[0-9a-f]{32}\\.mp4")
                .isNotEqualTo(generated);
        assertThat(urlSets(posts.get(1))).hasSize(5);
    }

    @Test
    void jobsArePolledTogetherTwentyIdsPerQueryUntilAllAreFinal() {
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        server.onAction("QueryUploadTaskInfo", r -> {
            List<String> ids = Arrays.asList(r.query().get("JobIds").split(","));
            String list = ids.stream()
                    .filter(id -> !id.equals("gone"))
                    .map(id -> {
                        int n = seen.computeIfAbsent(id, k -> new AtomicInteger())
                                .incrementAndGet();
                        String state = n == 1 ? "init" : id.equals("bad") ? "fail" : "success";
                        return "{\"JobId\":\"" + id + "\",\"State\":\"" + state + "\",\"Vid\":\""
                                + (state.equals("success") ? "v-" + id : "") + "\",\"SourceInfo\":{\"FileName\":\"" + id
                                + ".mp4\"}}";
                    })
                    .collect(Collectors.joining(",", "[", "]"));
            String missing = ids.contains("gone") ? "[\"gone\"]" : "[]";
            return FakeVodServer.Reply.json(
                    200,
                    FakeVodServer.envelope(
                            "QueryUploadTaskInfo",
                            "{\"Data\":{\"MediaInfoList\":" + list + ",\"NotExistJobIds\":" + missing + "}}"));
        });
        List<String> ids =
                new ArrayList<>(IntStream.range(0, 23).mapToObj(i -> "j" + i).toList());
        ids.add("bad");
        ids.add("gone");

        PullResult result = puller(5).await("space1", ids, status -> {});

        assertThat(result.timedOut()).isFalse();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.jobs()).extracting(PullJobStatus::jobId).containsExactlyElementsOf(ids);
        assertThat(result.jobs().get(0).state()).isEqualTo(PullJobState.SUCCESS);
        assertThat(result.jobs().get(0).task().orElseThrow().vid()).isEqualTo("v-j0");
        PullJobStatus bad = result.jobs().get(23);
        assertThat(bad.state()).isEqualTo(PullJobState.FAILED);
        assertThat(bad.failureReason()).isEqualTo("URL pull upload failed: State='fail'");
        PullJobStatus gone = result.jobs().get(24);
        assertThat(gone.notFound()).isTrue();
        assertThat(gone.failureReason()).contains("not found").contains("gone");
        List<String> queries = server.actionRequests("QueryUploadTaskInfo").stream()
                .map(r -> r.query().get("JobIds"))
                .toList();
        assertThat(queries).hasSize(4);
        assertThat(queries.get(0).split(",")).hasSize(20);
        assertThat(queries.get(1).split(",")).hasSize(5);
        assertThat(queries.get(2).split(",")).hasSize(20);
        assertThat(queries.get(3).split(",")).containsExactly("j20", "j21", "j22", "bad");
        assertThat(sleeps).containsExactly(Duration.ofMillis(200));
    }

    @Test
    void aJobStillRunningWhenTheAttemptsRunOutTimesOutWithItsLastState() {
        server.onActionResult(
                "QueryUploadTaskInfo",
                "{\"Data\":{\"MediaInfoList\":[{\"JobId\":\"j1\","
                        + "\"State\":\"processing\"}],\"NotExistJobIds\":[]}}");

        PullResult result = puller(3).await("space1", List.of("j1"), status -> {});

        assertThat(result.timedOut()).isTrue();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.jobs().get(0).rawState()).isEqualTo("processing");
        assertThat(result.jobs().get(0).state()).isEqualTo(PullJobState.PROCESSING);
    }

    @Test
    void aJobThatSucceededCarriesWhatItStoredWithItsPlayUrl() {
        server.onActionResult(
                "DescribeDomainConfig", "{\"DomainConfig\":{\"Domain\":\"cdn.example.com\",\"Enable\":true}}");
        server.onActionResult(
                "QueryUploadTaskInfo",
                "{\"Data\":{\"MediaInfoList\":["
                        + "{\"JobId\":\"j1\",\"State\":\"success\",\"Vid\":\"v1\",\"SpaceName\":\"other\","
                        + "\"SourceInfo\":{\"FileName\":\"a b.mp4\",\"StoreUri\":\"bucket/a b.mp4\"}},"
                        + "{\"JobId\":\"j2\",\"State\":\"success\",\"Vid\":\"v2\","
                        + "\"SourceInfo\":{\"StoreUri\":\"bucket/dir/c.mp4\"}},"
                        + "{\"JobId\":\"j3\",\"State\":\"failed\"}],\"NotExistJobIds\":[]}}");
        UrlPuller puller = new UrlPuller(
                client.api(),
                new JobPoller(new PollConfig(Duration.ofMillis(200), 3), sleeps::add),
                new PlayUrlResolver(
                        client.api(),
                        "https://cdn.example.com",
                        Duration.ofMinutes(10),
                        Clock.systemUTC(),
                        new SplittableRandom(1)));

        PullResult result = puller.await("space1", List.of("j1", "j2", "j3"), status -> {});

        UploadResult first = result.jobs().get(0).media().orElseThrow();
        assertThat(first.vid()).isEqualTo("v1");
        assertThat(first.spaceName()).isEqualTo("other");
        assertThat(first.playUrl()).isEqualTo("https://cdn.example.com/a%20b.mp4");
        UploadResult second = result.jobs().get(1).media().orElseThrow();
        assertThat(second.spaceName()).isEqualTo("space1");
        assertThat(second.fileName()).isEqualTo("dir/c.mp4");
        assertThat(second.playUrl()).isEqualTo("https://cdn.example.com/dir/c.mp4");
        assertThat(result.jobs().get(2).media()).isEmpty();
    }

    @Test
    void theServicesFailureReasonIsKept() {
        server.onActionResult(
                "QueryUploadTaskInfo",
                "{\"Data\":{\"MediaInfoList\":[{\"JobId\":\"j1\","
                        + "\"State\":\"failed\",\"ErrorMessage\":\"source answered HTTP 404\"}],\"NotExistJobIds\":[]}}");

        PullResult result = puller(3).await("space1", List.of("j1"), status -> {});

        assertThat(result.jobs().get(0).failureReason()).isEqualTo("URL pull upload failed: source answered HTTP 404");
    }

    @Test
    void oneQueryAsksAboutEveryJobOnceTwentyIdsAtATimeAndThrowsWhatFails() {
        server.onAction("QueryUploadTaskInfo", r -> {
            String list = Arrays.stream(r.query().get("JobIds").split(","))
                    .filter(id -> !id.equals("j3"))
                    .map(id -> "{\"JobId\":\"" + id + "\",\"State\":\"processing\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            return FakeVodServer.Reply.json(
                    200,
                    FakeVodServer.envelope(
                            "QueryUploadTaskInfo",
                            "{\"Data\":{\"MediaInfoList\":" + list + ",\"NotExistJobIds\":[]}}"));
        });
        List<String> ids = IntStream.range(0, 22).mapToObj(i -> "j" + i).toList();

        List<PullJobStatus> statuses = puller(5).query(ids);

        assertThat(statuses).extracting(PullJobStatus::jobId).containsExactlyElementsOf(ids);
        assertThat(statuses.get(0).state()).isEqualTo(PullJobState.PROCESSING);
        assertThat(statuses.get(3).state()).as("not answered for").isEqualTo(PullJobState.UNKNOWN);
        assertThat(server.actionRequests("QueryUploadTaskInfo")).hasSize(2);
        assertThat(sleeps).isEmpty();

        server.onAction(
                "QueryUploadTaskInfo",
                r -> FakeVodServer.Reply.json(
                        403, "{\"ResponseMetadata\":{\"Error\":" + "{\"Code\":\"AccessDenied\",\"Message\":\"no\"}}}"));
        assertThatThrownBy(() -> puller(5).query(List.of("j1")))
                .isInstanceOf(VodException.class)
                .hasMessageContaining("AccessDenied");
    }

    private static Map<String, String> form(FakeVodServer.Recorded r) {
        return Arrays.stream(r.bodyHead().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> decode(p[0]), p -> decode(p[1])));
    }

    private static JsonNode urlSets(FakeVodServer.Recorded r) {
        try {
            return MAPPER.readTree(form(r).get("URLSets"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
