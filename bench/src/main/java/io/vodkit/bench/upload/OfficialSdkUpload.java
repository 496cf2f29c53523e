package io.vodkit.bench.upload;

import com.byteplus.service.vod.IVodService;
import com.byteplus.service.vod.impl.VodServiceImpl;
import com.byteplus.service.vod.model.request.VodUploadMediaRequest;
import com.byteplus.service.vod.model.response.VodCommitUploadInfoResponse;
import org.apache.http.client.HttpClient;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Uploader child: the official BytePlus Java SDK, unmodified, through its public {@code uploadMedia}. Its OpenAPI
 * calls go to the emulator over plain HTTP ({@code setHost}/{@code setScheme}); its storage URLs are hard-wired to
 * {@code https://<UploadHost>/…}, so the Apache HttpClient handed to it maps the {@code https} scheme to a plain
 * socket on the same host:port (no TLS, no other change). It asks for the same post-upload functions as vodkit
 * ({@link #FUNCTIONS}), so the emulator does the same work at commit for both.
 */
public final class OfficialSdkUpload {

    /**
     * vodkit's default CommitUploadInfo {@code Functions} (GetMeta and a Snapshot), written out so that this child
     * loads no vodkit or Jackson class in its timed window; a test keeps it equal to vodkit's.
     */
    static final String FUNCTIONS = "[{\"Name\":\"GetMeta\"},{\"Name\":\"Snapshot\",\"Input\":{\"SnapshotTime\":0}}]";

    private OfficialSdkUpload() {}

    public static void main(String[] args) throws Exception {
        Target target = Target.parse(args);
        long start = System.nanoTime();
        IVodService vod = VodServiceImpl.getInstance(Target.REGION);
        vod.setHttpClient(plainForHttps());
        vod.setHost(target.hostPort());
        vod.setScheme("http");
        vod.setAccessKey(target.accessKey());
        vod.setSecretKey(target.secretKey());
        VodUploadMediaRequest request = VodUploadMediaRequest.newBuilder()
                .setSpaceName(target.space())
                .setFilePath(target.file().toString())
                .setFunctions(FUNCTIONS)
                .build();
        VodCommitUploadInfoResponse response = vod.uploadMedia(request, null);
        if (response.getResponseMetadata().hasError()
                || response.getResult().getData().getVid().isEmpty()) {
            throw new IllegalStateException("official SDK upload failed: " + response.getResponseMetadata());
        }
        RunReport.print(start);
        vod.destroy();
    }

    /** An HttpClient whose {@code https} routes use plain sockets. */
    private static HttpClient plainForHttps() {
        Registry<ConnectionSocketFactory> sockets = RegistryBuilder.<ConnectionSocketFactory>create()
                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                .register("https", PlainConnectionSocketFactory.getSocketFactory())
                .build();
        return HttpClients.custom()
                .setConnectionManager(new PoolingHttpClientConnectionManager(sockets))
                .build();
    }
}
