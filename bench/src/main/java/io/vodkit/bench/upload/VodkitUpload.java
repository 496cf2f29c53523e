package io.vodkit.bench.upload;

import io.vodkit.client.Credentials;
import io.vodkit.client.VodClient;
import io.vodkit.client.VodClientConfig;
import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadRequest;

/** Uploader child: vodkit with its defaults (20 MiB parts, concurrency from the file size). */
public final class VodkitUpload {

    private VodkitUpload() {}

    public static void main(String[] args) {
        Target target = Target.parse(args);
        long start = System.nanoTime();
        VodClientConfig config = VodClientConfig.of(
                target.endpoint(), Target.REGION, new Credentials(target.accessKey(), target.secretKey()));
        try (VodClient client = new VodClient(config)) {
            client.uploads().upload(UploadRequest.of(target.file(), target.space()), UploadListener.NONE);
        }
        RunReport.print(start);
    }
}
