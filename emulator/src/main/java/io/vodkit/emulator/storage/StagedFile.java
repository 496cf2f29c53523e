package io.vodkit.emulator.storage;

import java.nio.file.Path;

/**
 * Bytes fully written to a temp file next to their final place, not yet visible. {@link #publish()} moves them
 * into place atomically; {@link #discard()} deletes them.
 */
public record StagedFile(Path temp, Path target, Checksums checksums) {

    public void publish() throws java.io.IOException {
        AtomicFiles.moveIntoPlace(temp, target);
    }

    public void discard() throws java.io.IOException {
        java.nio.file.Files.deleteIfExists(temp);
    }
}
