package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The step-specific {@code payload} objects of the storage gateway (spec §6.2). */
public final class GatewayPayloads {
    private GatewayPayloads() {}

    /** Init ({@code PUT ?uploads}). */
    public record InitUpload(@JsonProperty("uploadID") String uploadId) {}

    /** Part ({@code PUT ?partNumber=N&uploadID=U}); the part number is a string on the wire. */
    public record UploadPart(
            @JsonProperty("uploadid") String uploadId,
            @JsonProperty("part_number") String partNumber,
            @JsonProperty("crc32") String crc32,
            @JsonProperty("etag") String etag,
            @JsonProperty("meta") Meta meta) {

        public record Meta(
                @JsonProperty("ObjectContentType") String objectContentType) {}
    }

    /** Direct upload and merge: {@code hash} is the object's CRC32 hex, {@code key} the FileName. */
    public record StoredObject(
            @JsonProperty("hash") String hash,
            @JsonProperty("key") String key) {}

    /** {@code GET /<StoreUri>?uploadID=U}: the parts received so far, for resuming. */
    public record PartList(
            @JsonProperty("uploadID") String uploadId,
            @JsonProperty("partList") List<Part> partList) {

        public record Part(
                @JsonProperty("partNumber") int partNumber,
                @JsonProperty("crc32") String crc32,
                @JsonProperty("size") long size) {}
    }
}
