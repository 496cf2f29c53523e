package io.vodkit.emulator.internal.db;

import java.time.Instant;

/** A complete object: its FileName (unique per emulator), owner space, StoreUri and where its bytes live. */
public record StoredObject(
        String fileName,
        String spaceName,
        String storeUri,
        String objectId,
        long size,
        String crc32,
        String md5,
        String contentType,
        Instant createdAt) {}
