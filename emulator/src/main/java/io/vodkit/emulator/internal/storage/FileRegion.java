package io.vodkit.emulator.internal.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code length} bytes of {@code file} from {@code offset}: a whole file, or a part inside an upload's file. */
public record FileRegion(Path file, long offset, long length) {

    public static FileRegion whole(Path file) throws IOException {
        return new FileRegion(file, 0, Files.size(file));
    }
}
