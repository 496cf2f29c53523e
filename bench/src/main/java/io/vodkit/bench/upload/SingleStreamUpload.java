package io.vodkit.bench.upload;

import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.api.UploadFunction;
import io.vodkit.client.internal.api.ApplyUploadInfo;
import io.vodkit.client.internal.api.CommitUploadInfo;
import io.vodkit.client.internal.api.StoreInfo;
import io.vodkit.client.internal.api.UploadAddress;
import io.vodkit.client.internal.upload.StorageUrls;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

/**
 * Uploader child, the single-stream baseline: ApplyUploadInfo, then the whole file as ONE plain PUT streamed from
 * disk ({@code Content-CRC32: Ignore}, nothing computed), then CommitUploadInfo with vodkit's default functions.
 */
public final class SingleStreamUpload {

    private SingleStreamUpload() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Target target = Target.parse(args);
        long start = System.nanoTime();
        VodClientConfig config = VodClientConfig.of(
                target.endpoint(), Target.REGION, new Credentials(target.accessKey(), target.secretKey()));
        try (VodClient client = new VodClient(config)) {
            String name = target.file().getFileName().toString();
            UploadAddress address = new ApplyUploadInfo(client.api())
                    .call(new ApplyUploadInfo.Request(
                            target.space(),
                            null,
                            name.substring(name.lastIndexOf('.')),
                            Files.size(target.file()),
                            "media",
                            0,
                            null));
            StoreInfo store = address.storeInfos().get(0);
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest put = HttpRequest.newBuilder(StorageUrls.forEndpoint(target.endpoint())
                            .object(address.uploadHosts().get(0), store.storeUri(), ""))
                    .header("Authorization", store.auth())
                    .header("Content-CRC32", "Ignore")
                    .PUT(HttpRequest.BodyPublishers.ofFile(target.file()))
                    .build();
            HttpResponse<String> reply = http.send(put, HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IOException("PUT failed: HTTP " + reply.statusCode() + " " + reply.body());
            }
            new CommitUploadInfo(client.api())
                    .call(new CommitUploadInfo.Request(
                            target.space(), address.sessionKey(), UploadFunction.defaults(), null));
        }
        RunReport.print(start);
    }
}
