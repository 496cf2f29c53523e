package io.vodkit.emulator.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void migratesOnceInWalModeAndKeepsDataAcrossReopen() throws IOException {
        Path file = dir.resolve("vodkit.db");
        try (Database db = Database.open(file)) {
            assertThat(pragma(db, "user_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            new SpaceRepository(db).upsert("demo", NOW);
        }
        try (Database db = Database.open(file)) {
            assertThat(new SpaceRepository(db).names()).containsExactly("demo");
            assertThat(pragma(db, "user_version")).isEqualTo(String.valueOf(Migrations.latestVersion()));
        }
    }

    @Test
    void countsTheRowsWhoseColumnHoldsOneOfTheValues() throws IOException {
        try (Database db = Database.open(dir.resolve("vodkit.db"))) {
            db.run(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE jobs_under_test (state TEXT)");
                    st.execute("INSERT INTO jobs_under_test VALUES ('a'), ('b'), ('b'), ('c')");
                }
                return null;
            });
            assertThat(db.countWhereIn("jobs_under_test", "state", List.of("b")))
                    .isEqualTo(2);
            assertThat(db.countWhereIn("jobs_under_test", "state", List.of("a", "b")))
                    .isEqualTo(3);
            assertThat(db.countWhereIn("jobs_under_test", "state", List.of("x", "'a'")))
                    .isZero();
        }
    }

    @Test
    void refusesANewerSchema() throws IOException {
        Path file = dir.resolve("vodkit.db");
        try (Database db = Database.open(file)) {
            db.run(c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute("PRAGMA user_version = 99");
                }
            });
        }
        assertThatThrownBy(() -> Database.open(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("newer");
    }

    @Test
    void transactionRollsBackEverythingOnFailure() throws IOException {
        try (Database db = Database.open(dir.resolve("vodkit.db"))) {
            SpaceRepository spaces = new SpaceRepository(db);
            assertThatThrownBy(() -> db.transaction(c -> {
                        spaces.upsert("a", NOW);
                        spaces.upsert("b", NOW);
                        throw new IllegalStateException("boom");
                    }))
                    .isInstanceOf(IllegalStateException.class);

            assertThat(spaces.names()).isEmpty();
        }
    }

    @Test
    void settingsAreCreatedOnce() throws IOException {
        try (Database db = Database.open(dir.resolve("vodkit.db"))) {
            SettingsRepository settings = new SettingsRepository(db);
            AtomicInteger calls = new AtomicInteger();

            String first = settings.findOrCreate("k", () -> "v" + calls.incrementAndGet());
            String second = settings.findOrCreate("k", () -> "v" + calls.incrementAndGet());
            settings.put("port", "8080");

            assertThat(first).isEqualTo("v1").isEqualTo(second);
            assertThat(settings.find("port")).hasValue("8080");
            assertThat(settings.find("nope")).isEmpty();
        }
    }

    @Test
    void sessionCommitClaimIsExclusiveAndReleasable() throws IOException {
        try (Database db = Database.open(dir.resolve("vodkit.db"))) {
            new SpaceRepository(db).upsert("demo", NOW);
            UploadSessionRepository sessions = new UploadSessionRepository(db);
            sessions.insert(new UploadSession("sk", "demo", "b/a.mp4", "a.mp4", NOW, null));

            assertThat(sessions.claimForCommit("sk", "v01")).isTrue();
            assertThat(sessions.claimForCommit("sk", "v02")).isFalse();
            sessions.releaseClaim("sk", "v01");
            assertThat(sessions.claimForCommit("sk", "v03")).isTrue();
            assertThat(sessions.find("sk"))
                    .hasValueSatisfying(s -> assertThat(s.committedVid()).isEqualTo("v03"));
        }
    }

    @Test
    void objectsAreReplacedByFileName() throws IOException {
        try (Database db = Database.open(dir.resolve("vodkit.db"))) {
            new SpaceRepository(db).upsert("demo", NOW);
            ObjectRepository objects = new ObjectRepository(db);
            objects.put(new StoredObject("a.mp4", "demo", "b/a.mp4", "id1", 1, "00000000", "m", "video/mp4", NOW));
            objects.put(new StoredObject("a.mp4", "demo", "b/a.mp4", "id2", 2, "00000001", "n", "video/mp4", NOW));

            assertThat(objects.findByStoreUri("b/a.mp4")).hasValueSatisfying(o -> {
                assertThat(o.objectId()).isEqualTo("id2");
                assertThat(o.size()).isEqualTo(2);
                assertThat(o.createdAt()).isEqualTo(NOW);
            });
            assertThat(objects.objectIds()).containsExactly("id2");
        }
    }

    @Test
    void multipartUploadsExpireAndCascadeToParts() throws IOException {
        try (Database db = Database.open(dir.resolve("vodkit.db"))) {
            new SpaceRepository(db).upsert("demo", NOW);
            MultipartUploadRepository uploads = new MultipartUploadRepository(db);
            MultipartPartRepository parts = new MultipartPartRepository(db);
            uploads.insert(new MultipartUpload("u1", "demo", "b/a.mp4", NOW, NOW.plus(1, ChronoUnit.DAYS)));
            uploads.insert(new MultipartUpload("u2", "demo", "b/c.mp4", NOW, NOW.plus(2, ChronoUnit.DAYS)));
            parts.put(new MultipartPart("u1", 2, 10, "00000002", "application/octet-stream"));
            parts.put(new MultipartPart("u1", 1, 20, "00000001", "video/mp4"));
            parts.put(new MultipartPart("u1", 1, 21, "00000011", "video/mp4"));

            assertThat(parts.list("u1")).extracting(MultipartPart::partNumber).containsExactly(1, 2);
            assertThat(parts.list("u1").get(0).size()).isEqualTo(21);
            Instant later = NOW.plus(1, ChronoUnit.DAYS);
            assertThat(uploads.expiredAt(later))
                    .extracting(MultipartUpload::uploadId)
                    .containsExactly("u1");
            assertThat(uploads.countActiveAt(later)).isEqualTo(1);

            uploads.delete("u1");
            assertThat(parts.list("u1")).isEmpty();
            assertThat(uploads.allIds()).containsExactly("u2");
        }
    }

    private static String pragma(Database db, String name) {
        return db.run(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }
}
