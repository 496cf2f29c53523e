package io.vodkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.byteplus.service.vod.IVodService;
import com.byteplus.service.vod.model.business.VodMediaInfo;
import com.byteplus.service.vod.model.business.VodPlayInfo;
import com.byteplus.service.vod.model.business.VodURLSet;
import com.byteplus.service.vod.model.business.VodUrlUploadURLSet;
import com.byteplus.service.vod.model.request.VodDeleteMediaRequest;
import com.byteplus.service.vod.model.request.VodGetMediaInfosRequest;
import com.byteplus.service.vod.model.request.VodGetMediaListRequest;
import com.byteplus.service.vod.model.request.VodGetPlayInfoRequest;
import com.byteplus.service.vod.model.request.VodQueryUploadTaskInfoRequest;
import com.byteplus.service.vod.model.request.VodUpdateMediaInfoRequest;
import com.byteplus.service.vod.model.request.VodUpdateMediaPublishStatusRequest;
import com.byteplus.service.vod.model.request.VodUploadMediaRequest;
import com.byteplus.service.vod.model.request.VodUrlUploadRequest;
import com.byteplus.service.vod.model.response.VodCommitUploadInfoResponse;
import com.byteplus.service.vod.model.response.VodDeleteMediaResponse;
import com.byteplus.service.vod.model.response.VodGetMediaInfosResponse;
import com.byteplus.service.vod.model.response.VodGetMediaListResponse;
import com.byteplus.service.vod.model.response.VodGetPlayInfoResponse;
import com.byteplus.service.vod.model.response.VodQueryUploadTaskInfoResponse;
import com.byteplus.service.vod.model.response.VodUpdateMediaInfoResponse;
import com.byteplus.service.vod.model.response.VodUrlUploadResponse;
import com.google.protobuf.Int64Value;
import com.google.protobuf.StringValue;
import io.vodkit.emulator.support.OfficialSdk;
import io.vodkit.emulator.support.SourceServer;
import io.vodkit.emulator.support.TestEmulator;
import io.vodkit.emulator.support.VodTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.HttpRequestInterceptor;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The unmodified official BytePlus Java SDK ({@code com.byteplus:byteplus-sdk-java}) against the emulator on a random
 * loopback port: its own {@code uploadMedia} (one PUT below 20 MiB, the gateway multipart protocol above),
 * {@code uploadMediaByUrl} + {@code queryUploadTaskInfo}, then {@code updateMediaPublishStatus} + {@code getPlayInfo}
 * whose play URL must serve the very bytes uploaded; and {@code getMediaInfos}, {@code getMediaList},
 * {@code updateMediaInfo}, {@code deleteMedia}, read back through the SDK's own response models (connected as
 * {@link OfficialSdk} says).
 */
@ResourceLock(OfficialSdk.SINGLETON)
class OfficialSdkCompatibilityTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    private final List<String> sent = new CopyOnWriteArrayList<>();

    @AutoClose
    private OfficialSdk session;

    private TestEmulator vod;
    private IVodService sdk;

    @BeforeEach
    void start() throws Exception {
        session = OfficialSdk.start(tmp.resolve("data"), (HttpRequestInterceptor)
                (request, context) -> sent.add(request.getRequestLine().getMethod() + " "
                        + request.getRequestLine().getUri()));
        vod = session.vod();
        sdk = session.sdk();
    }

    @Test
    void aSmallFileGoesUpInOnePutAndPlaysBackByteIdentical() throws Exception {
        Path file = randomFile("small.mp4", MIB, 1);

        String vid = upload(file);

        assertThat(storageRequests())
                .singleElement()
                .satisfies(put -> assertThat(put).doesNotContain("?"));
        assertPlaysBack(vid, md5(file));
    }

    @Test
    void aLargeFileGoesUpInGatewayPartsAndPlaysBackByteIdentical() throws Exception {
        Path file = randomFile("large.mov", 45 * MIB, 2);

        String vid = upload(file);

        assertThat(storageRequests()).hasSize(4).satisfies(puts -> {
            assertThat(puts.get(0)).endsWith("?uploads");
            assertThat(puts.get(1)).contains("partNumber=1&uploadID=");
            assertThat(puts.get(2)).contains("partNumber=2&uploadID=");
            assertThat(puts.get(3)).contains("?uploadID=");
        });
        assertPlaysBack(vid, md5(file));
    }

    @Test
    void aUrlPullIsSubmittedQueriedAndPlaysBackByteIdentical() throws Exception {
        byte[] clip = new byte[300_000];
        new Random(3).nextBytes(clip);
        Path sources = Files.createDirectories(tmp.resolve("sources"));
        Files.write(sources.resolve("clip.mp4"), clip);
        try (SourceServer source = new SourceServer(sources)) {
            String url = source.url("/files/clip.mp4");
            VodUrlUploadResponse submitted = sdk.uploadMediaByUrl(VodUrlUploadRequest.newBuilder()
                    .setSpaceName(TestEmulator.SPACE)
                    .addURLSets(VodUrlUploadURLSet.newBuilder()
                            .setSourceUrl(url)
                            .setFileExtension(".mp4")
                            .setTitle("pulled by the official SDK"))
                    .build());
            assertThat(submitted.getResponseMetadata().hasError())
                    .as(submitted.toString())
                    .isFalse();
            assertThat(submitted.getResult().getDataList())
                    .singleElement()
                    .satisfies(job -> assertThat(job.getSourceUrl()).isEqualTo(url));
            String jobId = submitted.getResult().getData(0).getJobId();

            VodURLSet job = awaitPull(jobId);

            assertThat(job.getState()).isEqualTo("success");
            assertThat(job.getSpaceName()).isEqualTo(TestEmulator.SPACE);
            assertThat(job.getSourceInfo().getMd5()).isEqualTo(VodTestClient.md5(clip));
            assertThat(job.getSourceInfo().getFileName()).endsWith(".mp4");
            assertPlaysBack(job.getVid(), VodTestClient.md5(clip));

            VodQueryUploadTaskInfoResponse unknown = sdk.queryUploadTaskInfo(VodQueryUploadTaskInfoRequest.newBuilder()
                    .setJobIds(jobId + ",nosuchjob")
                    .build());
            assertThat(unknown.getResult().getData().getNotExistJobIdsList()).containsExactly("nosuchjob");
        }
    }

    @Test
    void mediaIsReadListedUpdatedAndDeletedThroughTheSdksOwnModels() throws Exception {
        Path file = randomFile("managed.mp4", 200_000, 4);
        String vid = upload(file);
        String other = upload(randomFile("other.mp4", 1000, 5));

        VodUpdateMediaInfoResponse updated = sdk.updateMediaInfo(VodUpdateMediaInfoRequest.newBuilder()
                .setVid(vid)
                .setTitle(StringValue.of("Managed"))
                .setTags(StringValue.of("sea,dawn"))
                .setClassificationId(Int64Value.of(42))
                .build());
        assertThat(updated.getResponseMetadata().hasError())
                .as(updated.toString())
                .isFalse();

        VodGetMediaInfosResponse infos = sdk.getMediaInfos(VodGetMediaInfosRequest.newBuilder()
                .setVids(vid + ",v0nosuchvid")
                .build());
        assertThat(infos.getResponseMetadata().hasError()).as(infos.toString()).isFalse();
        assertThat(infos.getResult().getNotExistVidsList()).containsExactly("v0nosuchvid");
        VodMediaInfo info = infos.getResult().getMediaInfoList(0);
        assertThat(info.getBasicInfo().getVid()).isEqualTo(vid);
        assertThat(info.getBasicInfo().getTitle()).isEqualTo("Managed");
        assertThat(info.getBasicInfo().getTagsList()).containsExactly("sea", "dawn");
        assertThat(info.getBasicInfo().getClassification().getClassificationId())
                .isEqualTo(42);
        assertThat(info.getBasicInfo().getPublishStatus()).isEqualTo("Unpublished");
        assertThat(info.getBasicInfo().getTosStorageClass()).isEqualTo("STANDARD");
        assertThat(info.getBasicInfo().getCreateTime()).endsWith("Z");
        assertThat(info.getSourceInfo().getSize()).isEqualTo(200_000);
        assertThat(info.getSourceInfo().getMd5()).isEqualTo(md5(file));

        // the SDK sends every string field of the request, unset ones as ""
        VodGetMediaListResponse list = sdk.getMediaList(VodGetMediaListRequest.newBuilder()
                .setSpaceName(TestEmulator.SPACE)
                .setOrder("Asc")
                .setPageSize("1")
                .setOffset("1")
                .build());
        assertThat(list.getResponseMetadata().hasError()).as(list.toString()).isFalse();
        assertThat(list.getResult().getTotalCount()).isEqualTo(2);
        assertThat(list.getResult().getPageSize()).isEqualTo(1);
        assertThat(list.getResult().getOffset()).isEqualTo(1);
        assertThat(list.getResult().getMediaInfoListList())
                .singleElement()
                .satisfies(media -> assertThat(media.getBasicInfo().getVid()).isEqualTo(other));
        VodGetMediaListResponse tagged = sdk.getMediaList(VodGetMediaListRequest.newBuilder()
                .setSpaceName(TestEmulator.SPACE)
                .setTags("dawn")
                .build());
        assertThat(tagged.getResult().getMediaInfoListList())
                .extracting(media -> media.getBasicInfo().getVid())
                .containsExactly(vid);

        VodDeleteMediaResponse deleted = sdk.deleteMedia(
                VodDeleteMediaRequest.newBuilder().setVids(vid + ",v0nosuchvid").build());
        assertThat(deleted.getResponseMetadata().hasError())
                .as(deleted.toString())
                .isFalse();
        assertThat(deleted.getResult().getNotExistVidsList()).containsExactly("v0nosuchvid");
        assertThat(sdk.getMediaInfos(VodGetMediaInfosRequest.newBuilder()
                                .setVids(vid)
                                .build())
                        .getResult()
                        .getNotExistVidsList())
                .containsExactly(vid);
    }

    private String upload(Path file) throws Exception {
        VodCommitUploadInfoResponse response = session.upload(VodUploadMediaRequest.newBuilder()
                .setSpaceName(TestEmulator.SPACE)
                .setFilePath(file.toString())
                .build());
        String vid = response.getResult().getData().getVid();
        assertThat(response.getResult().getData().getSourceInfo().getSize()).isEqualTo(Files.size(file));
        // CommitUploadInfo reports the MD5 when the bytes were read anyway (one PUT); a multipart object's is
        // computed when first asked for, so the SDK reads it from GetMediaInfos
        assertThat(response.getResult().getData().getSourceInfo().getMd5()).isIn(md5(file), "");
        assertThat(sdk.getMediaInfos(VodGetMediaInfosRequest.newBuilder()
                                .setVids(vid)
                                .build())
                        .getResult()
                        .getMediaInfoList(0)
                        .getSourceInfo()
                        .getMd5())
                .isEqualTo(md5(file));
        return vid;
    }

    /** The storage-gateway requests the SDK sent (every PUT), in order. */
    private List<String> storageRequests() {
        return sent.stream().filter(line -> line.startsWith("PUT ")).toList();
    }

    private VodURLSet awaitPull(String jobId) throws Exception {
        VodQueryUploadTaskInfoRequest query =
                VodQueryUploadTaskInfoRequest.newBuilder().setJobIds(jobId).build();
        return await().atMost(Duration.ofSeconds(15))
                .until(
                        () -> {
                            VodQueryUploadTaskInfoResponse response = sdk.queryUploadTaskInfo(query);
                            assertThat(response.getResponseMetadata().hasError())
                                    .as(response.toString())
                                    .isFalse();
                            return response.getResult().getData().getMediaInfoList(0);
                        },
                        job -> job.getState().equals("success")
                                || job.getState().equals("failed"));
    }

    /** Publishes {@code vid}, asks GetPlayInfo for it and downloads its MainPlayUrl. */
    private void assertPlaysBack(String vid, String expectedMd5) throws Exception {
        sdk.updateMediaPublishStatus(VodUpdateMediaPublishStatusRequest.newBuilder()
                .setVid(vid)
                .setStatus("Published")
                .build());
        VodGetPlayInfoResponse playInfo =
                sdk.getPlayInfo(VodGetPlayInfoRequest.newBuilder().setVid(vid).build());
        assertThat(playInfo.getResponseMetadata().hasError())
                .as(playInfo.toString())
                .isFalse();
        VodPlayInfo play = playInfo.getResult().getPlayInfoList(0);
        assertThat(play.getMd5()).isEqualTo(expectedMd5);
        assertThat(downloadMd5(play.getMainPlayUrl())).isEqualTo(expectedMd5);
    }

    private static String downloadMd5(String url) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        try (InputStream body = response.body()) {
            return md5(body);
        }
    }

    private Path randomFile(String name, long size, long seed) throws IOException {
        Path file = tmp.resolve(name);
        Random random = new Random(seed);
        byte[] chunk = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return file;
    }

    private static String md5(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return md5(in);
        }
    }

    private static String md5(InputStream in) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("MD5");
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
