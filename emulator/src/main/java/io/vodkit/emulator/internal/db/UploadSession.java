package io.vodkit.emulator.internal.db;

import java.time.Instant;

/** One ApplyUploadInfo grant: its SessionKey, target object and, once committed, the Vid. */
public record UploadSession(
        String sessionKey,
        String spaceName,
        String storeUri,
        String fileName,
        Instant createdAt,
        String committedVid) {}
