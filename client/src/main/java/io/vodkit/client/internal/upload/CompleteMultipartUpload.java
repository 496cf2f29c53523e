package io.vodkit.client.internal.upload;

import io.vodkit.client.upload.GatewayStep;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merge, spec §6.4 step 3: {@code PUT /<StoreUri>?uploadID=<id>&ObjectContentType=<from part 1>} with
 * {@code X-Storage-Mode: gateway} and the text body {@code 0:<crc of part 1>,1:<crc of part 2>,…} (0-based list
 * positions, as the BytePlus Java, Python and Go SDKs write it).
 */
public final class CompleteMultipartUpload {

    private final GatewayCall gateway;

    public CompleteMultipartUpload(GatewayCall gateway) {
        this.gateway = gateway;
    }

    /**
     * @param partCrc32s        the parts' CRCs in part order
     * @param objectContentType {@code payload.meta.ObjectContentType} of part 1 (may be empty; sent anyway)
     */
    public void run(StorageTarget target, String uploadId, List<String> partCrc32s, String objectContentType) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("uploadID", uploadId);
        query.put("ObjectContentType", objectContentType);
        gateway.put(
                GatewayStep.COMPLETE_MULTIPART_UPLOAD,
                0,
                target,
                StorageUrls.query(query),
                Map.of(UploadPart.STORAGE_MODE, UploadPart.GATEWAY),
                List.of(),
                HttpRequest.BodyPublishers.ofString(mergeBody(partCrc32s), StandardCharsets.UTF_8));
    }

    /** {@code 0:crc1,1:crc2,…}. */
    public static String mergeBody(List<String> partCrc32s) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < partCrc32s.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(i).append(':').append(partCrc32s.get(i));
        }
        return body.toString();
    }
}
