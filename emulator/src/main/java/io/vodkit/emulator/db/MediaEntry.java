package io.vodkit.emulator.db;

/**
 * A media row with the state that changes after commit.
 *
 * @param publishStatus {@value MediaRepository#PUBLISHED} or {@value MediaRepository#UNPUBLISHED}
 * @param storageClass  {@code STANDARD}, {@code ARCHIVE} or {@code IA}
 */
public record MediaEntry(MediaRecord media, String publishStatus, String storageClass) {
}
