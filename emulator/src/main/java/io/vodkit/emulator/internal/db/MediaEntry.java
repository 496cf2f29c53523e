package io.vodkit.emulator.internal.db;

/**
 * A media row with the state that changes after commit.
 *
 * @param publishStatus {@value MediaRepository#PUBLISHED} or {@value MediaRepository#UNPUBLISHED}
 * @param storageClass  {@code STANDARD}, {@code ARCHIVE} or {@code IA}
 * @param uploadSource  {@value MediaRepository#UPLOAD} or {@value MediaRepository#URL_UPLOAD}
 */
public record MediaEntry(MediaRecord media, String publishStatus, String storageClass, String uploadSource) {}
