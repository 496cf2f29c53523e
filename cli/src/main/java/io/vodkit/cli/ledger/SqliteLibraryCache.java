package io.vodkit.cli.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Keeps one extracted copy of sqlite-jdbc's native library beside the ledger, so a command loads it from there
 * instead of extracting 1 MiB from the jar into the temp folder on every run (0.08 s of CPU of a 100 KB upload's
 * 0.9 s; bench/README.md "Small uploads"). The copy is named by the driver's version, written to a temporary name
 * and moved into place, so concurrent first runs and upgrades never load a half-written file. When anything fails
 * the driver extracts as it always did.
 */
final class SqliteLibraryCache {
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteLibraryCache() {}

    /** Points the driver at {@link #extract}'s copy in {@code home}, unless the library path is set already. */
    static void useIn(Path home) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            Path library = extract(home);
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
        } catch (IOException | RuntimeException e) {
            // the driver's own extraction still works; only the saving is lost
        }
    }

    /** The library at {@code home/native/sqlite-jdbc-VERSION/PLATFORM/}, extracted from the driver's jar if not there yet. */
    static Path extract(Path home) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String platform = OSInfo.getNativeLibFolderPathForCurrentOS();
        String resource = "/org/sqlite/native/" + platform + "/" + name;
        // per platform too: a VODKIT_HOME shared by machines of different kinds keeps one library each
        Path folder = home.resolve("native")
                .resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion())
                .resolve(platform);
        Path target = folder.resolve(name);
        if (Files.isRegularFile(target)) {
            return target;
        }
        try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (library == null) {
                throw new IOException("no native SQLite library for this platform at " + resource);
            }
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, name, ".part");
            try {
                Files.copy(library, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return target;
    }
}
