package io.vodkit.client.internal.upload;

import io.vodkit.client.upload.UploadCheckpoints;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What it takes to resume an interrupted multipart upload, kept on disk by {@link UploadCheckpoints}: the file's
 * identity (so a changed file starts fresh), where it goes, the storage session, and each finished part's CRC.
 * Made with {@link #builder()}; changed one concern at a time ({@link #started}, {@link #withPart}, …).
 *
 * @param file           absolute path
 * @param size           bytes
 * @param modifiedMillis last-modified time
 * @param sampleSha256   SHA-256 of samples from the start, middle and end of the file
 * @param endpoint       OpenAPI endpoint
 * @param partSizeBytes  part size of the plan
 * @param auth           the upload token (a secret: never printed; the file is readable by its owner only)
 * @param objectContentType what the storage answered to part 1 (sent again at the merge)
 * @param partCrcs       finished parts: part number → CRC-32
 * @param merged         the storage merged every part into the object: only CommitUploadInfo is left to do
 */
public record UploadCheckpoint(
        String file,
        long size,
        long modifiedMillis,
        String sampleSha256,
        String endpoint,
        String spaceName,
        long partSizeBytes,
        String storeUri,
        String auth,
        List<String> uploadHosts,
        String sessionKey,
        String uploadId,
        String objectContentType,
        Map<Integer, String> partCrcs,
        boolean merged) {

    public UploadCheckpoint {
        uploadHosts = List.copyOf(uploadHosts);
        partCrcs = Map.copyOf(partCrcs);
    }

    /** A checkpoint with no storage session yet: empty strings, no hosts, no parts, not merged. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this checkpoint's values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.file = file;
        builder.size = size;
        builder.modifiedMillis = modifiedMillis;
        builder.sampleSha256 = sampleSha256;
        builder.endpoint = endpoint;
        builder.spaceName = spaceName;
        builder.partSizeBytes = partSizeBytes;
        builder.storeUri = storeUri;
        builder.auth = auth;
        builder.uploadHosts = uploadHosts;
        builder.sessionKey = sessionKey;
        builder.uploadId = uploadId;
        builder.objectContentType = objectContentType;
        builder.partCrcs = partCrcs;
        builder.merged = merged;
        return builder;
    }

    /** This file's identity with the storage session an upload just opened. */
    public UploadCheckpoint started(
            String storeUri, String auth, List<String> uploadHosts, String sessionKey, String uploadId) {
        Builder builder = toBuilder().partCrcs(Map.of()).merged(false);
        builder.storeUri = storeUri;
        builder.auth = auth;
        builder.uploadHosts = uploadHosts;
        builder.sessionKey = sessionKey;
        builder.uploadId = uploadId;
        return builder.build();
    }

    /** This checkpoint with {@code part} recorded as finished. */
    public UploadCheckpoint withPart(PartReceipt part) {
        Map<Integer, String> parts = new TreeMap<>(partCrcs);
        parts.put(part.partNumber(), part.crc32());
        Builder builder = toBuilder().partCrcs(parts).merged(false);
        if (part.partNumber() == 1) {
            builder.objectContentType = part.objectContentType();
        }
        return builder.build();
    }

    /** This checkpoint with its parts {@code confirmed} by the storage (the others are to be sent again). */
    public UploadCheckpoint withParts(Map<Integer, String> confirmed) {
        return toBuilder().partCrcs(confirmed).merged(false).build();
    }

    /** This checkpoint once the storage merged the parts. */
    public UploadCheckpoint asMerged() {
        return toBuilder().merged(true).build();
    }

    /** Whether this checkpoint describes the same bytes, destination and plan. */
    public boolean matches(UploadCheckpoint fresh) {
        return file.equals(fresh.file)
                && size == fresh.size
                && modifiedMillis == fresh.modifiedMillis
                && sampleSha256.equals(fresh.sampleSha256)
                && endpoint.equals(fresh.endpoint)
                && spaceName.equals(fresh.spaceName)
                && partSizeBytes == fresh.partSizeBytes;
    }

    @Override
    public String toString() {
        return "UploadCheckpoint[file=" + file + ", storeUri=" + storeUri + ", uploadId=" + uploadId + ", parts="
                + partCrcs.keySet() + ", merged=" + merged + ", auth=██]";
    }

    /** Builds an {@link UploadCheckpoint}; what is not set is empty. */
    public static final class Builder {
        private String file = "";
        private long size;
        private long modifiedMillis;
        private String sampleSha256 = "";
        private String endpoint = "";
        private String spaceName = "";
        private long partSizeBytes;
        private String storeUri = "";
        private String auth = "";
        private List<String> uploadHosts = List.of();
        private String sessionKey = "";
        private String uploadId = "";
        private String objectContentType = "";
        private Map<Integer, String> partCrcs = Map.of();
        private boolean merged;

        private Builder() {}

        /** The file's identity: which bytes are uploaded. */
        public Builder file(String file, long size, long modifiedMillis, String sampleSha256) {
            this.file = file;
            this.size = size;
            this.modifiedMillis = modifiedMillis;
            this.sampleSha256 = sampleSha256;
            return this;
        }

        /** Where they go, and in what parts. */
        public Builder destination(String endpoint, String spaceName, long partSizeBytes) {
            this.endpoint = endpoint;
            this.spaceName = spaceName;
            this.partSizeBytes = partSizeBytes;
            return this;
        }

        public Builder partCrcs(Map<Integer, String> partCrcs) {
            this.partCrcs = partCrcs;
            return this;
        }

        public Builder merged(boolean merged) {
            this.merged = merged;
            return this;
        }

        public UploadCheckpoint build() {
            return new UploadCheckpoint(
                    file,
                    size,
                    modifiedMillis,
                    sampleSha256,
                    endpoint,
                    spaceName,
                    partSizeBytes,
                    storeUri,
                    auth,
                    uploadHosts,
                    sessionKey,
                    uploadId,
                    objectContentType,
                    partCrcs,
                    merged);
        }
    }
}
