package io.vodkit.emulator.internal.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes fully written to a temp file next to their final place, not yet visible. {@link #publish()} moves them
 * into place atomically; {@link #discard()} deletes them.
 */
public record StagedFile(Path temp, Path target, Checksums checksums) {

    public void publish() throws IOException {
        AtomicFiles.moveIntoPlace(temp, target);
    }

    public void discard() throws IOException {
        Files.deleteIfExists(temp);
    }
}
