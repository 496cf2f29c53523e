package io.vodkit.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.byteplus.service.vod.IVodService;
import com.byteplus.service.vod.impl.VodServiceImpl;
import com.byteplus.service.vod.model.request.VodUploadMediaRequest;
import com.byteplus.service.vod.model.response.VodCommitUploadInfoResponse;
import java.nio.file.Path;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * A {@link TestEmulator} and the unmodified official BytePlus Java SDK ({@code com.byteplus:byteplus-sdk-java})
 * pointed at it: its OpenAPI calls go over plain HTTP ({@code setHost}/{@code setScheme}); its storage URLs are
 * hard-wired to {@code https://<UploadHost>/…}, so the Apache HttpClient handed to it opens plain sockets for
 * {@code https} routes (no TLS, nothing else changed). Closing destroys the SDK client and stops the emulator.
 */
public final class OfficialSdk implements AutoCloseable {
    /**
     * The SDK's service is one instance per region ({@code VodServiceImpl.getInstance}) whose host, scheme and HTTP
     * client each test sets: test classes that use it take this lock ({@code @ResourceLock}) so that no two run at once.
     */
    public static final String SINGLETON = "the official SDK's VodServiceImpl singleton";

    private final TestEmulator vod;
    private final IVodService sdk;

    private OfficialSdk(TestEmulator vod, IVodService sdk) {
        this.vod = vod;
        this.sdk = sdk;
    }

    /**
     * Starts an emulator on {@code dataDir} and the SDK against it.
     *
     * @param observer sees every request the SDK sends
     */
    public static OfficialSdk start(Path dataDir, HttpRequestInterceptor observer) throws Exception {
        TestEmulator vod = TestEmulator.start(dataDir);
        try {
            IVodService sdk = VodServiceImpl.getInstance("ap-singapore-1");
            sdk.setHttpClient(HttpClients.custom()
                    .setConnectionManager(
                            new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                                    .register("http", PlainConnectionSocketFactory.getSocketFactory())
                                    .register("https", PlainConnectionSocketFactory.getSocketFactory())
                                    .build()))
                    .addInterceptorFirst(observer)
                    .build());
            sdk.setHost(vod.emulator().endpoint().getAuthority());
            sdk.setScheme("http");
            sdk.setAccessKey(TestEmulator.ACCESS_KEY);
            sdk.setSecretKey(TestEmulator.SECRET_KEY);
            return new OfficialSdk(vod, sdk);
        } catch (Exception | Error e) {
            vod.close();
            throw e;
        }
    }

    public TestEmulator vod() {
        return vod;
    }

    public IVodService sdk() {
        return sdk;
    }

    /** The SDK's own uploadMedia, asserting that it succeeded and made a Vid. */
    public VodCommitUploadInfoResponse upload(VodUploadMediaRequest request) throws Exception {
        VodCommitUploadInfoResponse response = sdk.uploadMedia(request, null);
        assertThat(response.getResponseMetadata().hasError())
                .as(response.toString())
                .isFalse();
        assertThat(response.getResult().getData().getVid()).isNotEmpty();
        return response;
    }

    @Override
    public void close() {
        try {
            sdk.destroy();
        } finally {
            vod.close();
        }
    }
}
