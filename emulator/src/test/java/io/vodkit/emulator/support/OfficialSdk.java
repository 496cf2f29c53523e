package io.vodkit.emulator.support;

import com.byteplus.service.vod.IVodService;
import com.byteplus.service.vod.impl.VodServiceImpl;
import io.vodkit.emulator.Emulator;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The unmodified official BytePlus Java SDK ({@code com.byteplus:byteplus-sdk-java}) pointed at an emulator: its
 * OpenAPI calls go over plain HTTP ({@code setHost}/{@code setScheme}); its storage URLs are hard-wired to
 * {@code https://<UploadHost>/…}, so the Apache HttpClient handed to it opens plain sockets for {@code https} routes
 * (no TLS, nothing else changed). {@code destroy()} it after use.
 */
public final class OfficialSdk {
    private OfficialSdk() {}

    /** @param observer sees every request the SDK sends */
    public static IVodService against(Emulator emulator, HttpRequestInterceptor observer) throws Exception {
        IVodService sdk = VodServiceImpl.getInstance("ap-singapore-1");
        sdk.setHttpClient(HttpClients.custom()
                .setConnectionManager(
                        new PoolingHttpClientConnectionManager(RegistryBuilder.<ConnectionSocketFactory>create()
                                .register("http", PlainConnectionSocketFactory.getSocketFactory())
                                .register("https", PlainConnectionSocketFactory.getSocketFactory())
                                .build()))
                .addInterceptorFirst(observer)
                .build());
        sdk.setHost(emulator.endpoint().getAuthority());
        sdk.setScheme("http");
        sdk.setAccessKey(TestEmulator.ACCESS_KEY);
        sdk.setSecretKey(TestEmulator.SECRET_KEY);
        return sdk;
    }
}
