package io.vodkit.client.internal.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;
import io.vodkit.client.upload.GatewayStep;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of a multipart upload the storage already holds: {@code GET /<StoreUri>?uploadID=<id>} →
 * {@code payload.partList: [{partNumber, crc32, size}]}. Used to resume an interrupted upload.
 */
public final class ListParts {

    private final GatewayCall gateway;

    public ListParts(GatewayCall gateway) {
        this.gateway = gateway;
    }

    public Map<Integer, StoredPart> run(StorageTarget target, String uploadId) {
        JsonNode payload = gateway.get(GatewayStep.LIST_PARTS, target, StorageUrls.query(Map.of("uploadID", uploadId)));
        Map<Integer, StoredPart> parts = new TreeMap<>();
        for (JsonNode part : payload.path("partList")) {
            int number = part.path("partNumber").asInt();
            parts.put(
                    number,
                    new StoredPart(
                            number, Json.text(part, "crc32"), part.path("size").asLong()));
        }
        return parts;
    }
}
