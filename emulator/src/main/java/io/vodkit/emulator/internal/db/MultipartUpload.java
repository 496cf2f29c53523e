package io.vodkit.emulator.internal.db;

import java.time.Instant;

/** An initiated, not yet merged multipart upload to one StoreUri. */
public record MultipartUpload(
        String uploadId, String spaceName, String storeUri, Instant createdAt, Instant expiresAt) {}
