package io.vodkit.client.enhance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.client.Credentials;
import io.vodkit.client.FakeVodServer;
import io.vodkit.client.FakeVodServer.Reply;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.VodServiceException;
import io.vodkit.client.api.Execution;
import io.vodkit.client.internal.jobs.JobPoller;
import io.vodkit.client.jobs.PollConfig;
import io.vodkit.client.jobs.PollOutcome;
import io.vodkit.client.url.PlayUrlResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnhancerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN_ID = "hb:0123456789abcdef0123456789abcdef";

    private FakeVodServer server;
    private VodClient client;
    private Enhancer enhancer;

    @BeforeEach
    void start() throws Exception {
        server = new FakeVodServer();
        client = new VodClient(VodClientConfig.of(server.endpoint(), null, new Credentials("AK", "SK")));
        enhancer = new Enhancer(
                client.api(),
                "2025-07-01",
                new JobPoller(new PollConfig(Duration.ofSeconds(1), 5), duration -> {}),
                client.playUrls());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static EnhanceParams params(String json) throws Exception {
        return ((EnhanceParams.Valid) EnhanceParams.parse(JSON.readTree(json))).params();
    }

    @Test
    void aRestoredVideoComesWithItsPlayUrlInTheSpaceTheAnswerNames() {
        server.onActionResult(
                "DescribeDomainConfig", "{\"DomainConfig\":{\"Domain\":\"cdn.example.com\",\"Enable\":true}}");
        Enhancer onDomain = new Enhancer(
                client.api(),
                "2025-07-01",
                new JobPoller(new PollConfig(Duration.ofSeconds(1), 5), duration -> {}),
                new PlayUrlResolver(
                        client.api(),
                        "https://cdn.example.com",
                        Duration.ofMinutes(10),
                        Clock.systemUTC(),
                        new SplittableRandom(1)));

        RestoredVideo answered = onDomain.restored(
                        new Execution("r1", "Success", "", "", "other", "f1", "tos://bucket/out/a b.mp4"), "mine")
                .orElseThrow();
        RestoredVideo unnamed = onDomain.restored(
                        new Execution("r2", "Success", "", "", "", "f2", "bucket/c.mp4"), "mine")
                .orElseThrow();

        assertThat(answered)
                .isEqualTo(
                        new RestoredVideo("other", "r1", "f1", "out/a b.mp4", "https://cdn.example.com/out/a%20b.mp4"));
        assertThat(unnamed.spaceName()).isEqualTo("mine");
        assertThat(unnamed.playUrl()).isEqualTo("https://cdn.example.com/c.mp4");
        assertThat(onDomain.restored(new Execution("r3", "Success", "", "", "", "", ""), "mine"))
                .isEmpty();
    }

    @Test
    void submitPostsTheSkillPayloadAsJson() throws Exception {
        server.onActionResult("StartExecution", "{\"RunId\":\"" + RUN_ID + "\"}");

        String runId = enhancer.submit(
                params("{\"video\":\"v0abc\",\"config\":\"common\",\"repair_style\":2,"
                        + "\"res\":\"4k\",\"bit_depth\":12}"),
                "space");

        assertThat(runId).isEqualTo(RUN_ID);
        FakeVodServer.Recorded request = server.actionRequests("StartExecution").get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.query()).containsEntry("Version", "2025-07-01");
        ObjectNode body = (ObjectNode) JSON.readTree(request.bodyHead());
        assertThat(body.remove("Control").path("ClientToken").asText()).matches("[0-9a-f-]{36}");
        assertThat(body)
                .isEqualTo(JSON.readTree("{\"Input\":{\"Type\":\"Vid\",\"Vid\":\"v0abc\"},\"Operation\":"
                        + "{\"Type\":\"Task\",\"Task\":{\"Type\":\"Enhance\",\"Enhance\":{\"Type\":\"Moe\",\"MoeEnhance\":"
                        + "{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":2,\"RepairStrength\":0},"
                        + "\"Target\":{\"Res\":\"4k\",\"BitDepth\":12}}}}}}"));
    }

    @Test
    void aRetryAfterALostReplyRepeatsTheSubmissionsClientTokenAndANewSubmissionHasItsOwn() throws Exception {
        int[] calls = {0};
        server.onAction("StartExecution", r -> {
            if (++calls[0] == 1) {
                throw new IllegalStateException("fake server drops the connection");
            }
            return Reply.json(200, FakeVodServer.envelope("StartExecution", "{\"RunId\":\"" + RUN_ID + "\"}"));
        });
        EnhanceParams params = params("{\"video\":\"v0abc\",\"config\":\"common\",\"repair_style\":1}");

        assertThat(enhancer.submit(params, "space")).isEqualTo(RUN_ID);
        enhancer.submit(params, "space");

        List<String> tokens = new ArrayList<>();
        for (FakeVodServer.Recorded request : server.actionRequests("StartExecution")) {
            tokens.add(JSON.readTree(request.bodyHead())
                    .path("Control")
                    .path("ClientToken")
                    .asText());
        }
        assertThat(tokens).hasSize(3);
        assertThat(tokens.get(1)).isEqualTo(tokens.get(0));
        assertThat(tokens.get(2)).isNotEqualTo(tokens.get(0));
    }

    @Test
    void aDirectUrlNamesItsSpaceAndNoTargetKeepsTheSourceResolution() throws Exception {
        server.onActionResult("StartExecution", "{\"RunId\":\"" + RUN_ID + "\"}");

        enhancer.submit(
                params("{\"type\":\"DirectUrl\",\"video\":\"a/b.mp4\",\"config\":\"ugc\",\"repair_style\":1}"), "sp");

        JsonNode body =
                JSON.readTree(server.actionRequests("StartExecution").get(0).bodyHead());
        assertThat(body.path("Input").toString())
                .isEqualTo("{\"Type\":\"DirectUrl\",\"DirectUrl\":{\"FileName\":\"a/b.mp4\",\"SpaceName\":\"sp\"}}");
        assertThat(body.path("Operation")
                        .path("Task")
                        .path("Enhance")
                        .path("MoeEnhance")
                        .has("Target"))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"403, AccessDenied, Forbidden", "400, InvalidParameter, Permission denied for RepairStyle"})
    void proDenialExplainsAllowlisting(int status, String code, String message) throws Exception {
        server.onAction(
                "StartExecution",
                r -> Reply.json(status, FakeVodServer.errorEnvelope("StartExecution", code, 0, message)));

        assertThatThrownBy(() ->
                        enhancer.submit(params("{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2}"), "s"))
                .isInstanceOf(ProTierDeniedException.class)
                .hasMessageContaining("allowlisted")
                .hasMessageContaining(ProTierDeniedException.APPLY_URL);
    }

    @Test
    void aStandardRefusalIsNotMistakenForTheProAllowlist() throws Exception {
        server.onAction(
                "StartExecution",
                r -> Reply.json(
                        403, FakeVodServer.errorEnvelope("StartExecution", "AccessDenied", 100013, "not yours")));

        assertThatThrownBy(() ->
                        enhancer.submit(params("{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":1}"), "s"))
                .isExactlyInstanceOf(VodServiceException.class);
    }

    @Test
    void awaitPollsUntilAFinalStatusAndSendsTheRunIdColonEncoded() {
        List<String> statuses = List.of("", "PendingStart", "Running", "Success");
        AtomicInteger calls = new AtomicInteger();
        server.onAction(
                "GetExecution",
                r -> Reply.json(
                        200,
                        FakeVodServer.envelope(
                                "GetExecution",
                                "{\"RunId\":\"" + RUN_ID + "\",\"Status\":\"" + statuses.get(calls.getAndIncrement())
                                        + "\","
                                        + "\"Meta\":{\"SpaceName\":\"sp\"},\"Output\":{\"Task\":{\"Enhance\":{\"FileId\":\"f1\","
                                        + "\"StoreUri\":\"tos-bucket/enhance/out.mp4\"}}}}")));
        List<String> seen = new ArrayList<>();

        PollOutcome<Execution> outcome = enhancer.await(RUN_ID, e -> seen.add(e.status()));

        assertThat(outcome).isInstanceOf(PollOutcome.Finished.class);
        assertThat(seen).containsExactlyElementsOf(statuses);
        Execution done = outcome.last();
        assertThat(done.succeeded()).isTrue();
        assertThat(done.outputFileName()).isEqualTo("enhance/out.mp4");
        assertThat(done.spaceName()).isEqualTo("sp");
        assertThat(server.actionRequests("GetExecution").get(0).rawQuery())
                .contains("RunId=hb%3A0123456789abcdef0123456789abcdef");
    }

    @Test
    void awaitTimesOutWhileTheJobRuns() {
        server.onActionResult("GetExecution", "{\"Status\":\"Running\"}");

        PollOutcome<Execution> outcome = enhancer.await(RUN_ID, e -> {});

        assertThat(outcome).isInstanceOf(PollOutcome.TimedOut.class);
        assertThat(outcome.attempts()).isEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({
        "tos-vod-sg/enhance/a.mp4, enhance/a.mp4",
        "tos://bucket/dir/b.mkv, dir/b.mkv",
        "bucketonly, ''",
        "'', ''",
    })
    void theOutputFileNameDropsTheBucket(String storeUri, String fileName) {
        assertThat(new Execution("r", "Success", "", "", "s", "f", storeUri).outputFileName())
                .isEqualTo(fileName);
    }

    @Test
    void sourceDurationComesFromGetPlayInfoForVidsOnly() throws Exception {
        server.onActionResult("GetPlayInfo", "{\"Duration\":41.5,\"PlayInfoList\":[]}");

        assertThat(enhancer.sourceDuration(params("{\"video\":\"v0a\",\"config\":\"common\",\"repair_style\":2}")))
                .hasValue(41.5);
        assertThat(enhancer.sourceDuration(params(
                        "{\"type\":\"DirectUrl\",\"video\":\"a.mp4\",\"config\":\"common\"," + "\"repair_style\":2}")))
                .isEmpty();
    }
}
