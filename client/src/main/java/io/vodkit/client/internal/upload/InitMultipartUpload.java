package io.vodkit.client.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;
import io.vodkit.client.upload.GatewayStep;
import io.vodkit.client.upload.StorageException;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * Init of a multipart upload, spec §6.4 step 1: {@code PUT /<StoreUri>?uploads} with {@code X-Storage-Mode: gateway}
 * and the UploadHeader pairs, empty body; the reply's {@code payload.uploadID} names the upload.
 */
public final class InitMultipartUpload {

    private final GatewayCall gateway;

    public InitMultipartUpload(GatewayCall gateway) {
        this.gateway = gateway;
    }

    /** Starts the upload and returns its uploadID. */
    public String run(StorageTarget target) {
        JsonNode payload = gateway.put(
                GatewayStep.INIT_MULTIPART_UPLOAD,
                0,
                target,
                "uploads",
                Map.of(UploadPart.STORAGE_MODE, UploadPart.GATEWAY),
                target.uploadHeaders(),
                HttpRequest.BodyPublishers.ofByteArray(new byte[0]));
        String uploadId = Json.text(payload, "uploadID");
        if (uploadId.isEmpty()) {
            throw new StorageException(
                    GatewayStep.INIT_MULTIPART_UPLOAD,
                    0,
                    target.host(),
                    200,
                    0,
                    false,
                    "reply has no payload.uploadID",
                    null);
        }
        return uploadId;
    }
}
