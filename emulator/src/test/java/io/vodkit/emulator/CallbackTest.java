package io.vodkit.emulator;

import static io.vodkit.emulator.support.TestEmulator.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.byteplus.service.vod.IVodService;
import com.byteplus.service.vod.model.business.CallbackResponse;
import com.byteplus.service.vod.model.business.VodUploadCallbackData;
import com.byteplus.service.vod.model.business.VodUrlUploadURLSet;
import com.byteplus.service.vod.model.request.VodAddCallbackSubscriptionRequest;
import com.byteplus.service.vod.model.request.VodDeleteMediaRequest;
import com.byteplus.service.vod.model.request.VodSetCallbackEventRequest;
import com.byteplus.service.vod.model.request.VodUploadMediaRequest;
import com.byteplus.service.vod.model.request.VodUrlUploadRequest;
import com.byteplus.service.vod.model.response.VodAddCallbackSubscriptionResponse;
import com.byteplus.service.vod.model.response.VodSetCallbackEventResponse;
import com.byteplus.service.vod.model.response.VodUrlUploadResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.util.JsonFormat;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.TestMedia;
import io.vodkit.emulator.support.CallbackReceiver;
import io.vodkit.emulator.support.OfficialSdk;
import io.vodkit.emulator.support.SourceServer;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.http.HttpRequestInterceptor;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Callbacks end to end: a space subscribed with the unmodified official Java SDK (AddCallbackSubscription,
 * SetCallbackEvent) gets the A15 envelope POSTed to a loopback receiver when an upload, URL pull, DeleteMedia,
 * workflow or restoration ends; the SDK's own {@code CallbackResponse} parses it, and the signature is checked
 * against the documented formula computed here.
 */
@ResourceLock(OfficialSdk.SINGLETON)
class CallbackTest {
    private static final String KEY = "ABCDabcd1234";

    @TempDir
    Path tmp;

    @AutoClose
    private OfficialSdk session;

    private TestEmulator vod;
    private IVodService sdk;

    @AutoClose
    private CallbackReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new CallbackReceiver();
        startEmulator();
    }

    /** Starts (again) the emulator on the test's data folder, and the official SDK against it. */
    private void startEmulator() throws Exception {
        session = OfficialSdk.start(tmp.resolve("data"), (HttpRequestInterceptor) (request, context) -> {});
        vod = session.vod();
        sdk = session.sdk();
    }

    @Test
    void anUploadSendsFileUploadCompleteSignedAsDocumentedThatTheSdkParses() throws Exception {
        subscribe("/hooks/vod?team=media", "application/json", "FileUploadComplete", "1", KEY);
        Path file = randomFile("clip.mp4", 50_000, 1);

        String vid = upload(file, "order-42", "");

        CallbackReceiver.Received callback = receiver.next();
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.path()).isEqualTo("/hooks/vod");
        assertThat(callback.header("Content-Type")).isEqualTo("application/json");
        String timestamp = callback.header("X-VOD-TIMESTAMP");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(), within(120L));
        assertThat(callback.header("X-VOD-SIGNATURE"))
                .isEqualTo(md5Hex(receiver.url("/hooks/vod?team=media") + "|" + timestamp + "|" + KEY + "|"
                        + Base64.getEncoder().encodeToString(callback.body())));
        JsonNode json = callback.json();
        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly("RequestId", "Version", "EventType", "EventTime", "Data");
        assertThat(json.path("Data").has("PosterUri"))
                .as("no cover was asked for")
                .isFalse();

        CallbackResponse envelope = parse(callback);
        assertThat(envelope.getVersion()).isEqualTo("1.0");
        assertThat(envelope.getEventType()).isEqualTo("FileUploadComplete");
        assertThat(envelope.getEventTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(envelope.getRequestId()).isNotEmpty();
        VodUploadCallbackData data = envelope.getData();
        assertThat(data.getCode()).isEqualTo("Success");
        assertThat(data.getVid()).isEqualTo(vid);
        assertThat(data.getSpaceName()).isEqualTo(SPACE);
        assertThat(data.getCallbackArgs()).isEqualTo("order-42");
        assertThat(data.getSourceInfo().getMd5()).isEqualTo(md5Hex(Files.readAllBytes(file)));
        assertThat(data.getSourceInfo().getSize()).isEqualTo(50_000);
        assertThat(data.hasOptionInfo()).as("no workflow was asked for").isFalse();
    }

    @Test
    void aUrlPullSendsFileUploadByUrlCompletePerUrlOnSuccessAndOnFailure() throws Exception {
        // the Java SDK sends ContentType, AuthEnabled and PrivateKey as "" when unset: octet-stream, unsigned; a
        // pull sends FileUploadByUrlComplete, not FileUploadComplete
        subscribe("/pulls", "", "FileUploadByUrlComplete,FileUploadComplete", "", "");
        byte[] clip = new byte[40_000];
        new Random(2).nextBytes(clip);
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        Files.write(sources.resolve("clip.mp4"), clip);
        try (SourceServer source = new SourceServer(sources)) {
            VodUrlUploadResponse submitted = sdk.uploadMediaByUrl(VodUrlUploadRequest.newBuilder()
                    .setSpaceName(SPACE)
                    .addURLSets(mp4(source.url("/files/clip.mp4"), "good"))
                    .addURLSets(mp4(source.url("/files/missing.mp4"), "bad"))
                    .build());
            assertThat(submitted.getResponseMetadata().hasError())
                    .as(submitted.toString())
                    .isFalse();

            Map<String, CallbackReceiver.Received> byArgs = new HashMap<>();
            for (int i = 0; i < 2; i++) {
                CallbackReceiver.Received callback = receiver.next();
                assertThat(callback.json().path("EventType").asText()).isEqualTo("FileUploadByUrlComplete");
                byArgs.put(callback.json().path("Data").path("CallbackArgs").asText(), callback);
            }
            assertThat(callbackCounts().path("queued").asLong()).isEqualTo(2);

            CallbackReceiver.Received good = byArgs.get("good");
            assertThat(good.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(good.header("X-VOD-SIGNATURE")).isNull();
            JsonNode goodData = good.json().path("Data");
            assertThat(goodData.path("JobId").asText())
                    .isEqualTo(submitted.getResult().getData(0).getJobId());
            assertThat(goodData.path("SourceUrl").asText()).isEqualTo(source.url("/files/clip.mp4"));
            VodUploadCallbackData parsed = parse(good).getData();
            assertThat(parse(good).getEventType()).isEqualTo("FileUploadByUrlComplete");
            assertThat(parsed.getCode()).isEqualTo("Success");
            assertThat(parsed.getVid()).isNotEmpty();
            assertThat(parsed.getSpaceName()).isEqualTo(SPACE);
            assertThat(parsed.getSourceInfo().getMd5()).isEqualTo(VodTestClient.md5(clip));

            JsonNode badData = byArgs.get("bad").json().path("Data");
            assertThat(badData.path("Code").asText()).isNotEqualTo("Success").isNotEmpty();
            assertThat(badData.path("Message").asText()).contains("404");
            assertThat(badData.path("JobId").asText())
                    .isEqualTo(submitted.getResult().getData(1).getJobId());
            assertThat(badData.has("Vid")).isFalse();
        }
    }

    @Test
    void aPullFailedByStartUpRecoverySendsFileUploadByUrlComplete() throws Exception {
        subscribe("/recovered", "application/json", "FileUploadByUrlComplete", "", "");
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        Files.write(sources.resolve("clip.mp4"), new byte[5_000]);
        String jobId;
        try (SourceServer source = new SourceServer(sources)) {
            VodUrlUploadResponse submitted = sdk.uploadMediaByUrl(VodUrlUploadRequest.newBuilder()
                    .setSpaceName(SPACE)
                    .addURLSets(mp4(source.url("/files/clip.mp4"), "third-stop"))
                    .build());
            jobId = submitted.getResult().getData(0).getJobId();
            assertThat(receiver.next().json().path("Data").path("Code").asText())
                    .isEqualTo("Success");
        }
        session.close();
        // as a stop during the job's third fetch leaves it
        try (Database database = Database.open(tmp.resolve("data").resolve(Emulator.DATABASE_FILE))) {
            assertThat(database.update(
                            "UPDATE url_jobs SET state = 'processing', interruptions = 2 WHERE job_id = ?", jobId))
                    .isEqualTo(1);
        }

        startEmulator();

        CallbackReceiver.Received callback = receiver.next();
        assertThat(callback.path()).isEqualTo("/recovered");
        JsonNode data = callback.json().path("Data");
        assertThat(data.path("JobId").asText()).isEqualTo(jobId);
        assertThat(data.path("Code").asText()).isNotEqualTo("Success").isNotEmpty();
        assertThat(data.path("Message").asText()).isEqualTo("interrupted 3 times");
        assertThat(data.path("CallbackArgs").asText()).isEqualTo("third-stop");
    }

    @Test
    void deleteMediaSendsOneDeleteMediaCompletePerVidWithTheFilesRemoved() throws Exception {
        String first = upload(randomFile("first.mp4", 1000, 3), "", "");
        String second = upload(randomFile("second.mp4", 1000, 4), "", "");
        subscribe("/deletes", "application/json", "DeleteMediaComplete", "0", "");

        sdk.deleteMedia(VodDeleteMediaRequest.newBuilder()
                .setVids(first + "," + second + ",v0nosuchvid")
                .setCallbackArgs("cleanup")
                .build());

        List<JsonNode> data = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CallbackReceiver.Received callback = receiver.next();
            assertThat(callback.json().path("EventType").asText()).isEqualTo("DeleteMediaComplete");
            data.add(callback.json().path("Data"));
        }
        assertThat(data).extracting(d -> d.path("Vid").asText()).containsExactlyInAnyOrder(first, second);
        for (JsonNode d : data) {
            assertThat(d.path("Code").asText()).isEqualTo("Success");
            assertThat(d.path("CallbackArgs").asText()).isEqualTo("cleanup");
            assertThat(d.path("FileNames")).hasSize(1);
        }
        assertThat(callbackCounts().path("queued").asLong())
                .as("none for the Vid that did not exist")
                .isEqualTo(2);
    }

    @Test
    void onlyTheChosenEventsAreSentAndNoneBeforeSetCallbackEvent() throws Exception {
        VodTestClient.Reply added = vod.client()
                .get(
                        "AddCallbackSubscription",
                        "2023-01-01",
                        Map.of("SpaceName", SPACE, "Url", receiver.url("/only-url")));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        upload(randomFile("a.mp4", 1000, 5), "", "");
        assertThat(callbackCounts().path("queued").asLong()).isZero();

        setEvents("DeleteMediaComplete");
        upload(randomFile("b.mp4", 1000, 6), "", "");
        assertThat(callbackCounts().path("queued").asLong()).isZero();

        setEvents("FileUploadComplete,DeleteMediaComplete");
        String third = upload(randomFile("c.mp4", 1000, 7), "", "");

        assertThat(parse(receiver.next()).getData().getVid()).isEqualTo(third);
        assertThat(callbackCounts().path("queued").asLong()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aFailingReceiverIsRetriedThenGivenUpWithoutTouchingTheUpload() throws Exception {
        receiver.answer(500);
        subscribe("/broken", "application/json", "FileUploadComplete", "0", "");

        String vid = upload(randomFile("d.mp4", 1000, 8), "", "");

        assertThat(vid).isNotEmpty();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> callbackCounts().path("given_up").asLong() == 1);
        assertThat(receiver.count()).as("one attempt and two retries").isEqualTo(3);
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requestIds.add(parse(receiver.next()).getRequestId());
        }
        assertThat(requestIds).containsOnly(requestIds.get(0));
        assertThat(callbackCounts().path("delivered").asLong()).isZero();
    }

    @Test
    void badSettingsGetTheServiceErrorAndTheKeyIsNeverEchoed() {
        VodTestClient client = vod.client();
        String url = receiver.url("/x");
        assertError(client.get("AddCallbackSubscription", "2023-01-01", Map.of("Url", url)), 400, "MissingParameter");
        assertError(
                client.get("AddCallbackSubscription", "2023-01-01", Map.of("SpaceName", SPACE)),
                400,
                "MissingParameter");
        assertError(
                client.get("AddCallbackSubscription", "2023-01-01", Map.of("SpaceName", "nosuch", "Url", url)),
                400,
                "InvalidParameter.InvalidSpaceName");
        assertError(
                client.get("AddCallbackSubscription", "2023-01-01", Map.of("SpaceName", SPACE, "Url", "ftp://h/x")),
                400,
                "InvalidParameter");
        assertError(
                client.get(
                        "AddCallbackSubscription",
                        "2023-01-01",
                        Map.of("SpaceName", SPACE, "Url", url, "ContentType", "text/plain")),
                400,
                "InvalidParameter");
        assertError(
                client.get("SetCallbackEvent", "2023-01-01", Map.of("SpaceName", SPACE, "AuthEnabled", "0")),
                400,
                "MissingParameter");
        assertThat(error(client.get(
                                "SetCallbackEvent",
                                "2023-01-01",
                                Map.of("SpaceName", SPACE, "Events", "FileUploadComplete,NoSuchEvent")))
                        .path("Message")
                        .asText())
                .contains("NoSuchEvent", "TranscodeComplete");
        assertError(
                client.get(
                        "SetCallbackEvent",
                        "2023-01-01",
                        Map.of("SpaceName", SPACE, "Events", "FileUploadComplete", "AuthEnabled", "yes")),
                400,
                "InvalidParameter");
        assertThat(error(client.get(
                                "SetCallbackEvent",
                                "2023-01-01",
                                Map.of("SpaceName", SPACE, "Events", "FileUploadComplete", "AuthEnabled", "1")))
                        .path("Message")
                        .asText())
                .contains("PrivateKey");
        VodTestClient.Reply badKey = client.get(
                "SetCallbackEvent",
                "2023-01-01",
                Map.of(
                        "SpaceName",
                        SPACE,
                        "Events",
                        "FileUploadComplete",
                        "AuthEnabled",
                        "1",
                        "PrivateKey",
                        "secret-with-dash"));
        assertError(badKey, 400, "InvalidParameter");
        assertThat(badKey.text()).doesNotContain("secret-with-dash");

        // POST form and POST JSON are accepted as for every other action
        VodTestClient.Reply form =
                client.postForm("AddCallbackSubscription", "2023-01-01", Map.of("SpaceName", SPACE, "Url", url));
        assertThat(form.status()).as(form.text()).isEqualTo(200);
        VodTestClient.Reply json = client.postJson(
                "SetCallbackEvent",
                "2023-01-01",
                "{\"SpaceName\":\"demo\",\"Events\":\"FileUploadComplete\",\"AuthEnabled\":\"1\"," + "\"PrivateKey\":\""
                        + KEY + "\"}");
        assertThat(json.status()).as(json.text()).isEqualTo(200);
        assertThat(json.json().has("Result")).isFalse();
    }

    @Test
    void aCallbackToTheCloudMetadataAddressIsRefused() {
        VodTestClient.Reply refused = vod.client()
                .get(
                        "AddCallbackSubscription",
                        "2023-01-01",
                        Map.of("SpaceName", SPACE, "Url", "http://169.254.169.254/latest/meta-data/"));

        assertError(refused, 400, "InvalidParameter");
        assertThat(refused.text()).contains("link-local or cloud-metadata");
    }

    @Test
    void aSubscriptionSurvivesARestart() throws Exception {
        subscribe("/after-restart", "application/json", "FileUploadComplete", "1", KEY);
        session.close();
        startEmulator();

        String vid = upload(randomFile("e.mp4", 1000, 9), "", "");

        CallbackReceiver.Received callback = receiver.next();
        assertThat(callback.path()).isEqualTo("/after-restart");
        assertThat(callback.header("X-VOD-SIGNATURE")).isNotNull();
        assertThat(parse(callback).getData().getVid()).isEqualTo(vid);
    }

    @Test
    void aRestorationThatEndsSendsExecutionCompleteWithItsGetExecutionResult() throws Exception {
        subscribe("/executions", "application/json", "ExecutionComplete", "0", "");
        String vid = upload(randomFile("not-a-video.mp4", 1000, 10), "", "");

        VodTestClient.Reply started =
                vod.startExecution(vid, "{\"Config\":\"common\",\"VideoStrategy\":{\"RepairStyle\":1}}");
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        String runId = started.result().path("RunId").asText();

        JsonNode callback = receiver.next().json();
        assertThat(callback.path("EventType").asText()).isEqualTo("ExecutionComplete");
        JsonNode data = callback.path("Data");
        assertThat(data.path("RunId").asText()).isEqualTo(runId);
        assertThat(data.path("Status").asText()).isEqualTo("Failed");
        assertThat(data.path("Code").asText()).isNotEmpty();
        assertThat(data.path("SpaceName").asText()).isEqualTo(SPACE);
        assertThat(data.path("Input").path("Vid").asText()).isEqualTo(vid);
    }

    @Test
    void aRestorationRefusedForItsValuesSendsExecutionCompleteToo() throws Exception {
        subscribe("/executions", "application/json", "ExecutionComplete", "0", "");
        String vid = upload(randomFile("clip.mp4", 1000, 11), "", "");

        String runId = vod.startExecution(vid, "{\"Config\":\"cinema\",\"VideoStrategy\":{\"RepairStyle\":1}}")
                .result()
                .path("RunId")
                .asText();

        JsonNode data = receiver.next().json().path("Data");
        assertThat(data.path("RunId").asText()).isEqualTo(runId);
        assertThat(data.path("Status").asText()).isEqualTo("Failed");
        assertThat(data.path("Code").asText()).isEqualTo("InvalidParameter.InvalidParam");
    }

    @Test
    @Timeout(120)
    void aWorkflowUploadNamesItsTemplateAndSendsMetaAndWorkflowComplete() throws Exception {
        FfmpegTools tools = TestMedia.toolsOrSkip();
        Path clip = TestMedia.clip(tools, tmp.resolve("clip.mp4"), 160, 120, 0.5);
        vod.emulator().defineWorkflowTemplate(WorkflowTemplate.parse("small=transcode:144p"));
        subscribe("/all", "application/json", "FileUploadComplete,UploadGetMetaComplete,TranscodeComplete", "0", "");

        String vid = upload(
                clip,
                "wf-1",
                "[{\"Name\":\"GetMeta\"},{\"Name\":\"StartWorkflow\",\"Input\":{\"TemplateId\":\"small\"}}]");

        Map<String, CallbackReceiver.Received> byType = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            CallbackReceiver.Received callback = receiver.next();
            byType.put(callback.json().path("EventType").asText(), callback);
        }
        assertThat(byType).containsOnlyKeys("FileUploadComplete", "UploadGetMetaComplete", "WorkflowComplete");
        VodUploadCallbackData uploaded = parse(byType.get("FileUploadComplete")).getData();
        assertThat(uploaded.getOptionInfo().getTemplateId()).isEqualTo("small");
        assertThat(uploaded.getCallbackArgs()).isEqualTo("wf-1");
        VodUploadCallbackData meta = parse(byType.get("UploadGetMetaComplete")).getData();
        assertThat(meta.getCode()).isEqualTo("Success");
        assertThat(meta.getVid()).isEqualTo(vid);
        assertThat(meta.getSourceInfo().getWidth()).isEqualTo(160);
        assertThat(meta.getSourceInfo().getDuration()).isGreaterThan(0);
        assertThat(meta.getSourceInfo().getVideoStreamMeta().getHeight())
                .as("the SDK reads the stream metas A15.3 lists")
                .isEqualTo(120);
        assertThat(meta.getSourceInfo().getAudioStreamMeta().getSampleRate()).isEqualTo(44100);
        JsonNode workflow = byType.get("WorkflowComplete").json().path("Data");
        assertThat(workflow.path("Code").asText()).as(workflow.toString()).isEqualTo("Success");
        assertThat(workflow.path("Vid").asText()).isEqualTo(vid);
        assertThat(workflow.path("TemplateId").asText()).isEqualTo("small");
        assertThat(workflow.path("CallbackArgs").asText()).isEqualTo("wf-1");
        assertThat(workflow.path("RunId").asText()).isNotEmpty();
        assertThat(workflow.path("TranscodeInfos")
                        .path(0)
                        .path("VideoStreamMeta")
                        .path("Height")
                        .asInt())
                .isEqualTo(144);
    }

    private void subscribe(String path, String contentType, String events, String authEnabled, String key)
            throws Exception {
        VodAddCallbackSubscriptionResponse added =
                sdk.addCallbackSubscription(VodAddCallbackSubscriptionRequest.newBuilder()
                        .setSpaceName(SPACE)
                        .setUrl(receiver.url(path))
                        .setContentType(contentType)
                        .build());
        assertThat(added.getResponseMetadata().hasError()).as(added.toString()).isFalse();
        VodSetCallbackEventResponse set = sdk.setCallbackEvent(VodSetCallbackEventRequest.newBuilder()
                .setSpaceName(SPACE)
                .setEvents(events)
                .setAuthEnabled(authEnabled)
                .setPrivateKey(key)
                .build());
        assertThat(set.getResponseMetadata().hasError()).as(set.toString()).isFalse();
    }

    private void setEvents(String events) throws Exception {
        VodSetCallbackEventResponse set = sdk.setCallbackEvent(VodSetCallbackEventRequest.newBuilder()
                .setSpaceName(SPACE)
                .setEvents(events)
                .build());
        assertThat(set.getResponseMetadata().hasError()).as(set.toString()).isFalse();
    }

    /** A URLSet that pulls {@code url} as an MP4 with {@code callbackArgs}. */
    private static VodUrlUploadURLSet.Builder mp4(String url, String callbackArgs) {
        return VodUrlUploadURLSet.newBuilder()
                .setSourceUrl(url)
                .setFileExtension(".mp4")
                .setCallbackArgs(callbackArgs);
    }

    /** Uploads {@code file} with the SDK's own uploadMedia; returns the Vid. */
    private String upload(Path file, String callbackArgs, String functions) throws Exception {
        return session.upload(VodUploadMediaRequest.newBuilder()
                        .setSpaceName(SPACE)
                        .setFilePath(file.toString())
                        .setCallbackArgs(callbackArgs)
                        .setFunctions(functions)
                        .build())
                .getResult()
                .getData()
                .getVid();
    }

    /** The callback as the SDK reads it (protobuf JSON, unknown fields ignored). */
    private static CallbackResponse parse(CallbackReceiver.Received callback) throws Exception {
        CallbackResponse.Builder builder = CallbackResponse.newBuilder();
        JsonFormat.parser().ignoringUnknownFields().merge(new String(callback.body(), StandardCharsets.UTF_8), builder);
        return builder.build();
    }

    private JsonNode callbackCounts() {
        return vod.client()
                .send("GET", "/_vodkit/stats", Map.of(), new byte[0])
                .json()
                .path("callbacks");
    }

    private static JsonNode error(VodTestClient.Reply reply) {
        return reply.json().path("ResponseMetadata").path("Error");
    }

    private static void assertError(VodTestClient.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(status);
        assertThat(error(reply).path("Code").asText()).as(reply.text()).isEqualTo(code);
    }

    private Path randomFile(String name, int size, long seed) throws Exception {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(tmp.resolve(name), bytes);
    }

    private static String md5Hex(String text) throws Exception {
        return md5Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String md5Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
