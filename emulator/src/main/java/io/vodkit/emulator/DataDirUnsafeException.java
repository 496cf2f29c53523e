package io.vodkit.emulator;

import java.io.IOException;
import java.nio.file.Path;

/** An emulator refuses a data folder that users other than its owner can write into: it keeps its keys there. */
public final class DataDirUnsafeException extends IOException {
    private final transient Path dataDir;

    public DataDirUnsafeException(Path dataDir, String permissions) {
        super("the data folder " + dataDir + " can be written by other users (" + permissions + "), and the "
                + "emulator keeps its keys there; make it yours alone with: chmod 700 '" + dataDir + "'");
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
