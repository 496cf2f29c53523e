package io.vodkit.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    private static final String CLOUD = "https://vod.byteplusapi.com";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path home;

    private static UploadEntry upload(String endpoint, String path, String md5, String vid) {
        return new UploadEntry(endpoint, "s", path, 10, 1000, md5, vid, vid + ".mp4", "b/" + vid + ".mp4", "", T0);
    }

    @Test
    void uploadsAreFoundByPathAndByContentPerServiceAndSpaceNewestFirst() {
        try (Ledger ledger = Ledger.open(home)) {
            ledger.uploads().insert(upload(CLOUD, "/a.mp4", "m1", "v1"));
            ledger.uploads().insert(upload(CLOUD, "/a.mp4", "m2", "v2"));
            ledger.uploads().insert(upload("local:/x", "/b.mp4", "m3", "v3"));

            assertThat(ledger.uploads().latestByPath(CLOUD, "s", "/a.mp4"))
                    .map(UploadEntry::vid)
                    .contains("v2");
            assertThat(ledger.uploads().latestByContent(CLOUD, "s", "m1", 10))
                    .map(UploadEntry::vid)
                    .contains("v1");
            assertThat(ledger.uploads().latestByContent(CLOUD, "s", "m3", 10))
                    .as("another service")
                    .isEmpty();
            assertThat(ledger.uploads().latestByContent(CLOUD, "other", "m1", 10))
                    .as("another space")
                    .isEmpty();
            assertThat(ledger.uploads().latestByContent(CLOUD, "s", "m1", 11))
                    .as("another size")
                    .isEmpty();
        }
    }

    @Test
    void recordingAJobAgainUpdatesItsStateAndKeepsWhenAndWhatItWasSubmittedFor() {
        try (Ledger ledger = Ledger.open(home)) {
            JobRepository jobs = ledger.jobs();
            jobs.record(JobEntry.submitted(CLOUD, JobKind.PULL, "j1", "s", "https://x/a.mp4", T0));
            jobs.record(JobEntry.submitted(CLOUD, JobKind.RESTORE, "r1", "s", "vid://v1", T0.plusSeconds(1)));
            jobs.record(new JobEntry(
                    CLOUD,
                    JobKind.PULL,
                    "j1",
                    "",
                    "",
                    JobState.SUCCESS,
                    "success",
                    "v9",
                    "f.mp4",
                    "",
                    T0.plusSeconds(5),
                    T0.plusSeconds(5),
                    ""));

            List<JobEntry> all = jobs.list(CLOUD, Optional.empty(), Optional.empty(), Optional.empty());
            assertThat(all).extracting(JobEntry::jobId).containsExactly("j1", "r1");
            assertThat(all.get(0))
                    .isEqualTo(new JobEntry(
                            CLOUD,
                            JobKind.PULL,
                            "j1",
                            "s",
                            "https://x/a.mp4",
                            JobState.SUCCESS,
                            "success",
                            "v9",
                            "f.mp4",
                            "",
                            T0,
                            T0.plusSeconds(5),
                            ""));
            assertThat(jobs.list(CLOUD, Optional.of(JobKind.RESTORE), Optional.empty(), Optional.empty()))
                    .extracting(JobEntry::jobId)
                    .containsExactly("r1");
            assertThat(jobs.list(CLOUD, Optional.empty(), Optional.of(JobState.RUNNING), Optional.of("s")))
                    .extracting(JobEntry::jobId)
                    .containsExactly("r1");
            assertThat(jobs.list("local:/x", Optional.empty(), Optional.empty(), Optional.empty()))
                    .isEmpty();
        }
    }

    @Test
    void twoLedgersOnOneFileWriteFromManyThreadsAtOnceWithoutLosingARow() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Ledger first = Ledger.open(home);
                Ledger second = Ledger.open(home)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Ledger ledger = t % 2 == 0 ? first : second;
                int thread = t;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        ledger.uploads().insert(upload(CLOUD, "/f" + thread + "-" + i, "m" + thread + "-" + i, "v"));
                        ledger.jobs().record(JobEntry.submitted(CLOUD, JobKind.PULL, thread + "-" + i, "s", "u", T0));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            assertThat(first.jobs().list(CLOUD, Optional.empty(), Optional.empty(), Optional.empty()))
                    .hasSize(200);
            for (int t = 0; t < 8; t++) {
                assertThat(second.uploads().latestByContent(CLOUD, "s", "m" + t + "-24", 10))
                        .isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileThatIsNotALedgerOrIsNewerIsRefusedWithItsName() throws Exception {
        Files.writeString(
                home.resolve(Ledger.FILE_NAME),
                "not a database, just some text that is long enough " + "to fill a header page of a real SQLite file");

        assertThatThrownBy(() -> Ledger.open(home))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("cannot open the vodkit ledger " + home.resolve(Ledger.FILE_NAME))
                .hasMessageContaining("not a database")
                .satisfies(e -> assertThat(((CliException) e).exitCode()).isEqualTo(ExitCodes.INVALID_INPUT));

        Path newer = Files.createDirectories(home.resolve("newer"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer.resolve(Ledger.FILE_NAME));
                Statement statement = c.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> Ledger.open(newer))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("schema version 99 is newer than this vodkit's (2)");
    }

    @Test
    void reopeningKeepsWhatWasRecorded() {
        try (Ledger ledger = Ledger.open(home)) {
            ledger.uploads().insert(upload(CLOUD, "/a.mp4", "m1", "v1"));
        }
        try (Ledger ledger = Ledger.open(home)) {
            assertThat(ledger.uploads().latestByPath(CLOUD, "s", "/a.mp4")).isPresent();
        }
    }

    @Test
    void runsOpeningANewLedgerAtOnceAllGetIt() throws Exception {
        // two first runs at once once failed here: both switched the new file to WAL, and one of them tripped over
        // the journal the other had deleted (SQLITE_IOERR_DELETE_NOENT)
        ExecutorService runs = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Path fresh = Files.createDirectories(home.resolve("fresh-" + round));
                List<Future<Boolean>> opened = new ArrayList<>();
                for (int run = 0; run < 4; run++) {
                    opened.add(runs.submit(() -> {
                        try (Ledger ledger = Ledger.open(fresh)) {
                            return ledger.uploads()
                                    .latestByPath(CLOUD, "s", "/a.mp4")
                                    .isEmpty();
                        }
                    }));
                }
                for (Future<Boolean> each : opened) {
                    assertThat(each.get()).as("round %d", round).isTrue();
                }
            }
        } finally {
            runs.shutdownNow();
        }
    }
}
