package io.vodkit.emulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** An emulator could not start because another one, in this process or another, owns its data folder. */
public final class DataDirOwnedException extends IOException {
    private final transient Path dataDir;
    private final transient Optional<OwnerInfo> owner;

    public DataDirOwnedException(Path dataDir, Optional<OwnerInfo> owner) {
        super("the data folder " + dataDir + " is in use by another local emulator ("
                + owner.map(OwnerInfo::describe).orElse("starting, address not published yet") + ")");
        this.dataDir = dataDir;
        this.owner = owner;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** What the owner published; empty while it is still starting. */
    public Optional<OwnerInfo> owner() {
        return owner;
    }
}
