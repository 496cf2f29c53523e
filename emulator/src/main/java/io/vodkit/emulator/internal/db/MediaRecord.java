package io.vodkit.emulator.internal.db;

import java.time.Instant;

/**
 * A committed media asset. {@code sourceInfoJson} and {@code optionsJson} hold the SourceInfo returned at commit
 * and the AddOptionInfo input, as JSON text.
 */
public record MediaRecord(
        String vid,
        String spaceName,
        String sessionKey,
        String fileName,
        String storeUri,
        String posterUri,
        String sourceInfoJson,
        String optionsJson,
        String callbackArgs,
        Instant createdAt) {}
