package io.vodkit.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.OSInfo;

class SqliteLibraryCacheTest {
    @TempDir
    Path home;

    @Test
    void extractsTheDriversLibraryOnceUnderItsVersion() throws Exception {
        Path library = SqliteLibraryCache.extract(home);

        assertThat(library).isRegularFile();
        assertThat(home.relativize(library).toString())
                .startsWith("native/sqlite-jdbc-3.")
                .endsWith(
                        "/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + System.mapLibraryName("sqlitejdbc"));
        assertThat(Files.size(library)).isGreaterThan(100_000);
        try (var names = Files.list(library.getParent())) {
            assertThat(names).containsExactly(library); // no temporary copy left behind
        }

        FileTime marked = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, marked);
        assertThat(SqliteLibraryCache.extract(home)).isEqualTo(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(marked); // the second run reuses it
    }

    @Test
    void theLedgerOpensWithTheCachedLibrary() {
        try (Ledger ledger = Ledger.open(home)) {
            assertThat(ledger).isNotNull();
        }
        // set by the first ledger this JVM opened (maybe another test's), and the driver loaded from it
        assertThat(System.getProperty("org.sqlite.lib.path")).contains("sqlite-jdbc-");
    }
}
