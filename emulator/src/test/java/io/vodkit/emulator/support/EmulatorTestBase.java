package io.vodkit.emulator.support;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For test classes whose every test talks to one fresh {@link TestEmulator} on its own data folder. */
public abstract class EmulatorTestBase {
    @TempDir
    protected Path dataDir;

    /** Started on {@link #dataDir} before each test, closed after it. */
    protected TestEmulator vod;

    @BeforeEach
    void startEmulator() throws IOException {
        vod = TestEmulator.start(dataDir);
    }

    @AfterEach
    void stopEmulator() {
        if (vod != null) {
            vod.close();
        }
    }
}
