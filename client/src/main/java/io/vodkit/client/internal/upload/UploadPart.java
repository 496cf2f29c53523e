package io.vodkit.client.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;
import io.vodkit.client.upload.GatewayStep;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One part, spec §6.4 step 2: {@code PUT /<StoreUri>?partNumber=<k>&uploadID=<id>} with {@code Content-CRC32} of the
 * part and {@code X-Storage-Mode: gateway}. The part's CRC is computed in one read pass over its bytes (it heads the
 * request), then the same region is sent as the body ({@link GatewayCall#putFile}: with sendfile to a plain
 * {@code http} host).
 */
public final class UploadPart {

    static final String STORAGE_MODE = "X-Storage-Mode";
    static final String GATEWAY = "gateway";

    private final GatewayCall gateway;

    public UploadPart(GatewayCall gateway) {
        this.gateway = gateway;
    }

    /** Uploads part {@code partNumber} (1-based) and returns its receipt. */
    public PartReceipt run(
            StorageTarget target, String uploadId, int partNumber, FileRegion part, TransferControl control) {
        String crc32 = RegionCrc32.ofBody(GatewayStep.UPLOAD_PART, partNumber, target, part);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("partNumber", Integer.toString(partNumber));
        query.put("uploadID", uploadId);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-CRC32", crc32);
        headers.put(STORAGE_MODE, GATEWAY);

        JsonNode payload = gateway.putFile(
                GatewayStep.UPLOAD_PART,
                partNumber,
                target,
                StorageUrls.query(query),
                headers,
                List.of(),
                part,
                control);
        return new PartReceipt(partNumber, crc32, Json.text(payload.path("meta"), "ObjectContentType"));
    }
}
