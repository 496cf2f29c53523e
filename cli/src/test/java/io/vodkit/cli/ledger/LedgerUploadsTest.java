package io.vodkit.cli.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vodkit.client.VodException;
import io.vodkit.client.api.SourceInfo;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerUploadsTest {
    private static final String ENDPOINT = "http://127.0.0.1:1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private Ledger ledger;
    private final List<String> notices = new ArrayList<>();
    /** The Vids the runs of {@link #asking} asked about. */
    private final List<String> asked = new ArrayList<>();
    /** What the fake service reports as each Vid's MD5 when asked later (its commits report none). */
    private final Map<String, String> serviceMd5s = new ConcurrentHashMap<>();
    /** The Vids whose MD5 the ledger asked the service for. */
    private final List<String> md5sAsked = new CopyOnWriteArrayList<>();

    private Optional<String> reportedMd5(String vid) {
        md5sAsked.add(vid);
        return Optional.ofNullable(serviceMd5s.get(vid));
    }

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private Path file;

    @BeforeEach
    void open() throws Exception {
        ledger = Ledger.open(tmp.resolve("home"));
        file = Files.writeString(tmp.resolve("a.mp4"), "first bytes");
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        ledger.close();
    }

    private LedgerUploads uploads(boolean force) {
        return new LedgerUploads(
                ledger.uploads(), ENDPOINT, force, MediaPresence.TRUST_LEDGER, this::reportedMd5, CLOCK, notices::add);
    }

    /** A run that asks {@code presence} before a skip, noting the Vids in {@link #asked}. */
    private LedgerUploads asking(MediaPresence presence) {
        return new LedgerUploads(
                ledger.uploads(),
                ENDPOINT,
                false,
                vid -> {
                    asked.add(vid);
                    return presence.exists(vid);
                },
                this::reportedMd5,
                CLOCK,
                notices::add);
    }

    private static UploadResult result(String vid) {
        return result(vid, "");
    }

    /** The commit's answer for {@code vid}, reporting {@code md5} as the service's MD5 of the stored bytes. */
    private static UploadResult result(String vid, String md5) {
        return new UploadResult(
                vid,
                "poster",
                vid + ".mp4",
                "bucket/" + vid + ".mp4",
                "s",
                new SourceInfo("", "", 0, md5, "", "", 0, 0, 0, "", 0, 0, "", ""));
    }

    /** {@code path} goes up as {@code vid}; nobody knows its MD5 yet: the commit reports none, nor does the service. */
    private void uploadedUnknown(Path path, String vid) {
        LedgerUploads run = uploads(false);
        UploadRequest request = UploadRequest.of(path, "s");
        assertThat(run.find(request)).isEmpty();
        run.record(request, result(vid));
    }

    /** {@code path} goes up as {@code vid}; the service knows its MD5 afterwards (its commit reported none). */
    private void uploaded(LedgerUploads uploads, Path path, String vid) {
        UploadRequest request = UploadRequest.of(path, "s");
        assertThat(uploads.find(request)).isEmpty();
        serviceMd5s.put(vid, LedgerUploads.md5(path));
        uploads.record(request, result(vid));
    }

    @Test
    void aRecordedFileIsFoundWithItsVidAndAnEditedOneIsNot() throws Exception {
        uploaded(uploads(false), file, "v1");

        Optional<UploadResult> found = uploads(false).find(UploadRequest.of(file, "s"));
        assertThat(found).map(UploadResult::vid).contains("v1");
        assertThat(found).map(UploadResult::fileName).contains("v1.mp4");
        assertThat(uploads(false).find(UploadRequest.of(file, "another-space"))).isEmpty();

        Files.writeString(file, "other bytes");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(uploads(false).find(UploadRequest.of(file, "s"))).isEmpty();
    }

    @Test
    void anUnchangedStampIsTrustedWithoutReadingTheFile() throws Exception {
        uploaded(uploads(false), file, "v1");
        FileTime stamp = Files.getLastModifiedTime(file);

        Files.writeString(file, "SECOND BYTE"); // same size, different bytes, the old time put back
        Files.setLastModifiedTime(file, stamp);

        assertThat(uploads(false).find(UploadRequest.of(file, "s")))
                .map(UploadResult::vid)
                .contains("v1");
    }

    @Test
    void theSameBytesUnderAnotherNameOrTimeAreFoundByTheirMd5AndRememberedUnderTheNewPath() throws Exception {
        uploaded(uploads(false), file, "v1");
        Path copy = Files.copy(file, tmp.resolve("copy.mp4"));
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().plusSeconds(60)));

        assertThat(uploads(false).find(UploadRequest.of(copy, "s")))
                .map(UploadResult::vid)
                .contains("v1");
        assertThat(ledger.uploads().latestByPath(ENDPOINT, "s", copy.toString()))
                .map(UploadEntry::mtimeMillis)
                .contains(Files.getLastModifiedTime(copy).toMillis());
    }

    /**
     * Finds a copy of {@link #file} on another thread while {@code run} sends {@code file} itself; it must wait: the
     * finding thread comes to a wait (or, wrongly, to an end) and has no answer yet.
     */
    private CompletableFuture<Optional<UploadResult>> copyFoundWhileSending(LedgerUploads run, UploadRequest sending)
            throws Exception {
        Path copy = Files.copy(file, tmp.resolve("copy.mp4"));
        assertThat(run.find(sending)).isEmpty();
        AtomicReference<Thread> finder = new AtomicReference<>();
        CompletableFuture<Optional<UploadResult>> copyFound = CompletableFuture.supplyAsync(
                () -> {
                    finder.set(Thread.currentThread());
                    return run.find(UploadRequest.of(copy, "s"));
                },
                pool);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> copyFound.isDone()
                        || finder.get() != null && finder.get().getState() == Thread.State.WAITING);
        assertThat(copyFound).as("waits while the first copy goes up").isNotDone();
        return copyFound;
    }

    @Test
    void aCopyFoundWhileTheSameBytesGoUpWaitsAndIsThenSkipped() throws Exception {
        LedgerUploads run = uploads(false);
        UploadRequest first = UploadRequest.of(file, "s");
        CompletableFuture<Optional<UploadResult>> second = copyFoundWhileSending(run, first);

        serviceMd5s.put("v1", LedgerUploads.md5(file));
        run.record(first, result("v1"));

        assertThat(second.get(10, TimeUnit.SECONDS)).map(UploadResult::vid).contains("v1");
    }

    @Test
    void aCopyWaitingForAFailedUploadGoesUpItself() throws Exception {
        LedgerUploads run = uploads(false);
        UploadRequest first = UploadRequest.of(file, "s");
        CompletableFuture<Optional<UploadResult>> second = copyFoundWhileSending(run, first);

        run.failed(first);

        assertThat(second.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void forceFindsNothingButStillRecords() {
        uploaded(uploads(false), file, "v1");

        uploaded(uploads(true), file, "v2");

        assertThat(uploads(false).find(UploadRequest.of(file, "s")))
                .map(UploadResult::vid)
                .contains("v2");
        assertThat(ledger.uploads().latestByPath(ENDPOINT, "s", file.toString()))
                .map(UploadEntry::uploadedAt)
                .contains(CLOCK.instant());
    }

    @Test
    void aForcedUploadIsRecordedWithTheServicesMd5WithoutReadingTheFile() {
        LedgerUploads run = uploads(true);
        UploadRequest request = UploadRequest.of(file, "s");
        assertThat(run.find(request)).isEmpty();
        String reported = "0123456789abcdef0123456789abcdef"; // not the file's: shows it was not read

        run.record(request, result("v1", reported.toUpperCase()));

        assertThat(ledger.uploads().latestByPath(ENDPOINT, "s", file.toString()))
                .map(UploadEntry::md5)
                .contains(reported);
    }

    @Test
    void aFileThatVanishedFailsAsAVodException() throws Exception {
        uploaded(uploads(false), Files.writeString(tmp.resolve("b.mp4"), "other bytes"), "v0"); // its size is known
        UploadRequest request = UploadRequest.of(file, "s");
        Files.delete(file);

        assertThatThrownBy(() -> uploads(false).find(request))
                .isInstanceOf(VodException.class)
                .hasMessageContaining("Cannot read " + file);
    }

    @Test
    void aFileOfANewSizeIsRecordedWithTheMd5TheServiceReportsAndAFileOfAKnownSizeIsHashed() throws Exception {
        LedgerUploads run = uploads(false);
        UploadRequest request = UploadRequest.of(file, "s");
        assertThat(run.find(request)).isEmpty();
        run.record(request, result("v1", "0123456789ABCDEF0123456789ABCDEF"));

        assertThat(ledger.uploads().latestByPath(ENDPOINT, "s", file.toString()))
                .map(UploadEntry::md5)
                .as("not read: the service's MD5 of the stored bytes")
                .contains("0123456789abcdef0123456789abcdef");

        Path sameSize = Files.writeString(tmp.resolve("b.mp4"), "other bytes");
        uploaded(uploads(false), sameSize, "v2");
        assertThat(ledger.uploads().latestByPath(ENDPOINT, "s", sameSize.toString()))
                .map(UploadEntry::md5)
                .as("a file of that size is known: hashed before the upload")
                .contains(LedgerUploads.md5(sameSize));
    }

    @Test
    void anUploadWhoseCommitReportsNoMd5IsRecordedUnreadAndItsMd5IsAskedForWhenASameSizeFileComes() throws Exception {
        uploadedUnknown(file, "v1");
        assertThat(ledger.uploads().latestByPath(ENDPOINT, "s", file.toString()))
                .map(UploadEntry::md5)
                .as("neither read nor asked for: nothing needs it yet")
                .contains("");
        assertThat(md5sAsked).isEmpty();

        Path otherSize = Files.writeString(tmp.resolve("c.mp4"), "a longer file than the first");
        assertThat(uploads(false).find(UploadRequest.of(otherSize, "s"))).isEmpty();
        assertThat(md5sAsked).as("no file of that size is recorded").isEmpty();

        Path copy = Files.copy(file, tmp.resolve("copy.mp4"));
        serviceMd5s.put("v1", LedgerUploads.md5(file));
        assertThat(uploads(false).find(UploadRequest.of(copy, "s")))
                .map(UploadResult::vid)
                .contains("v1");
        assertThat(md5sAsked).containsExactly("v1");
        assertThat(ledger.uploads().latestByPath(ENDPOINT, "s", file.toString()))
                .map(UploadEntry::md5)
                .as("learnt once, kept")
                .contains(LedgerUploads.md5(file));
    }

    @Test
    void filesWhoseMd5NobodyKnowsAreNeverTakenForEachOther() throws Exception {
        uploadedUnknown(file, "v1");

        Path sameSize = Files.writeString(tmp.resolve("b.mp4"), "other bytes");
        UploadRequest second = UploadRequest.of(sameSize, "s");
        assertThat(uploads(false).find(second))
                .as("not the same bytes: goes up")
                .isEmpty();
        assertThat(md5sAsked).containsExactly("v1");
    }

    @Test
    void md5IsTheHexDigestOfTheBytes() {
        assertThat(LedgerUploads.md5(file)).isEqualTo("f9027e928e212b0aff71c819a64e346a");
    }

    @Test
    void anUploadTheLedgerCannotRecordIsAWarningNotAFailure() {
        LedgerUploads uploads = uploads(false);
        UploadRequest request = UploadRequest.of(file, "s");
        assertThat(uploads.find(request)).isEmpty();
        ledger.close();

        uploads.record(request, result("v1"));

        assertThat(notices)
                .singleElement()
                .asString()
                .contains("uploaded " + file + " as v1")
                .contains("a re-run uploads it again");
        ledger = Ledger.open(tmp.resolve("home"));
    }

    @Test
    void aGoneVidIsForgottenTheUserToldAndTheFileGoesUpAgain() throws Exception {
        uploaded(uploads(false), file, "v1");
        Path copy = Files.copy(file, tmp.resolve("copy.mp4"));
        LedgerUploads run = asking(vid -> false);

        uploaded(run, file, "v2");

        assertThat(asked).containsExactly("v1");
        assertThat(notices)
                .singleElement()
                .isEqualTo(file + ": the earlier upload v1 is gone from the service; " + "the ledger forgets it");
        assertThat(run.find(UploadRequest.of(copy, "s")))
                .as("v2 went up in this run: not asked about")
                .map(UploadResult::vid)
                .contains("v2");
        assertThat(asked).containsExactly("v1");
        assertThat(uploads(false).find(UploadRequest.of(file, "s")))
                .map(UploadResult::vid)
                .contains("v2");
    }

    @Test
    void aVidFoundPresentIsAskedAboutOnceARun() throws Exception {
        uploaded(uploads(false), file, "v1");
        Path copy = Files.copy(file, tmp.resolve("copy.mp4"));
        LedgerUploads run = asking(vid -> true);

        assertThat(run.find(UploadRequest.of(file, "s"))).map(UploadResult::vid).contains("v1");
        assertThat(run.find(UploadRequest.of(copy, "s"))).map(UploadResult::vid).contains("v1");

        assertThat(asked).containsExactly("v1");
        assertThat(notices).isEmpty();
    }

    @Test
    void whenTheLatestUploadOfTheBytesIsGoneAnOlderOneStillThereIsSkippedTo() {
        uploaded(uploads(false), file, "v1");
        uploaded(uploads(true), file, "v2");

        Optional<UploadResult> found = asking(vid -> !vid.equals("v2")).find(UploadRequest.of(file, "s"));

        assertThat(found).map(UploadResult::vid).contains("v1");
        assertThat(asked).containsExactly("v2", "v1");
    }

    @Test
    void aCheckThatFailsFailsTheFileAndForgetsNothing() {
        uploaded(uploads(false), file, "v1");
        LedgerUploads run = asking(vid -> {
            throw new VodException("GetPlayInfo failed: HTTP 500 InternalError");
        });

        assertThatThrownBy(() -> run.find(UploadRequest.of(file, "s")))
                .isInstanceOf(VodException.class)
                .hasMessage("Cannot check that v1, the earlier upload of " + file + ", is still in the service: "
                        + "GetPlayInfo failed: HTTP 500 InternalError");
        assertThat(uploads(false).find(UploadRequest.of(file, "s")))
                .map(UploadResult::vid)
                .contains("v1");
    }
}
