package io.vodkit.cli.ledger;

import io.vodkit.client.VodException;
import io.vodkit.client.api.SourceInfo;
import io.vodkit.client.upload.UploadLedger;
import io.vodkit.client.upload.UploadRequest;
import io.vodkit.client.upload.UploadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The ledger as a batch upload sees it. A file counts as uploaded to a space of a service when the ledger has its
 * bytes there (same MD5 and size, under any path). The MD5 of a file whose size and last-modified time are those
 * recorded for its path is taken from the ledger instead of read again (as rsync and git trust a stat match), so an
 * unchanged folder is checked without reading its files. A file is only hashed before its upload when the ledger
 * holds a file of the same size in that space (only then can its bytes be there); any other file goes up unread,
 * and is recorded with the MD5 the service reports for the stored bytes at commit ({@code SourceInfo.Md5}), or
 * without one when the commit reports none (a multipart upload's MD5 is computed by the service after the commit);
 * that MD5 is asked for ({@link ReportedMd5s}) only when a file of the same size comes. So a new file is read once,
 * by the upload, and neither side hashes it unless a same-size file makes it matter. Identical files in one run
 * go up once: a file of the same size as one going up waits for that upload and then looks again, so it is skipped
 * when its bytes are the same (or goes up itself if that upload failed). With {@code force} nothing is skipped and
 * nothing is looked up, so the file is not read for its MD5 either; every upload is still recorded.
 * Before a skip, {@link MediaPresence} says whether the earlier Vid is still in the service (each Vid asked at most
 * once a run); when it is gone, its entries are forgotten, the user is told, and the file goes up again.
 */
public final class LedgerUploads implements UploadLedger {
    private final UploadRepository uploads;
    private final String endpoint;
    private final boolean force;
    private final MediaPresence presence;
    private final ReportedMd5s reportedMd5s;
    private final Clock clock;
    private final Consumer<String> notices;
    /** What {@link #find} learnt of each file, for {@link #record}. */
    private final Map<Path, Stamp> stamps = new ConcurrentHashMap<>();
    /** The uploads of this run by space and size, each completed when it ends, recorded or failed. */
    private final Map<SameSize, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    /** The Vids this run uploaded or found present: not asked about again. */
    private final Set<String> present = ConcurrentHashMap.newKeySet();
    /** The Vids this run found gone: the user has been told. */
    private final Set<String> gone = ConcurrentHashMap.newKeySet();

    /** A file's size, last-modified time and MD5 as seen before its upload; {@code md5} is null when not read. */
    private record Stamp(long size, long mtimeMillis, String md5) {}

    /** Files of one size in a space: only these can hold the same bytes. */
    private record SameSize(String space, long size) {}

    /**
     * @param endpoint which service (see {@link UploadEntry#endpoint()})
     * @param presence     asked whether an earlier upload is still in that service before its file is skipped
     * @param reportedMd5s asked for the MD5 of an earlier upload recorded without one
     * @param notices      told when an earlier upload is gone, or an upload could not be recorded
     */
    public LedgerUploads(
            UploadRepository uploads,
            String endpoint,
            boolean force,
            MediaPresence presence,
            ReportedMd5s reportedMd5s,
            Clock clock,
            Consumer<String> notices) {
        this.uploads = uploads;
        this.endpoint = endpoint;
        this.force = force;
        this.presence = presence;
        this.reportedMd5s = reportedMd5s;
        this.clock = clock;
        this.notices = notices;
    }

    @Override
    public Optional<UploadResult> find(UploadRequest request) {
        Path file = request.file();
        String path = file.toString();
        String space = request.spaceName();
        long size = request.media().size(); // as inspected when the request was made: not asked again
        long mtime = request.media().modifiedMillis();
        Optional<UploadEntry> sameStamp = uploads.latestByPath(endpoint, space, path)
                .filter(entry -> entry.size() == size && entry.mtimeMillis() == mtime);
        String md5 = sameStamp
                .map(UploadEntry::md5)
                .filter(known -> !known.isEmpty())
                .orElse(null);
        if (force) { // nothing to look up: the MD5 is the service's once the file is up (see record)
            stamps.put(file, new Stamp(size, mtime, md5));
            return Optional.empty();
        }
        if (sameStamp.isPresent() && stillPresent(file, sameStamp.get())) {
            return Optional.of(result(sameStamp.get()));
        }
        SameSize sameSize = new SameSize(space, size);
        while (true) {
            if (md5 == null && uploads.anyOfSize(endpoint, space, size)) {
                md5 = md5(file);
                learnMd5s(space, size);
            }
            Optional<UploadEntry> sameBytes =
                    md5 == null ? Optional.empty() : uploads.latestByContent(endpoint, space, md5, size);
            if (sameBytes.isPresent()) {
                UploadEntry earlier = sameBytes.get();
                if (!stillPresent(file, earlier)) {
                    continue; // forgotten: look again, an older upload of these bytes may still be there
                }
                // remember this path as it is now, so that the next run trusts its stamp without hashing
                insert(
                        path,
                        space,
                        new Stamp(size, mtime, md5),
                        earlier.vid(),
                        earlier.fileName(),
                        earlier.storeUri(),
                        earlier.posterUri(),
                        earlier.uploadedAt());
                return Optional.of(result(earlier));
            }
            CompletableFuture<Void> first = running.putIfAbsent(sameSize, new CompletableFuture<>());
            if (first == null) {
                stamps.put(file, new Stamp(size, mtime, md5));
                return Optional.empty();
            }
            first.join(); // a file of this size is going up in this run: look again once it is up
        }
    }

    /** Asks the service for the MD5 of each upload of {@code size} bytes recorded without one, and records it. */
    private void learnMd5s(String space, long size) {
        for (String vid : uploads.vidsWithoutMd5(endpoint, space, size)) {
            reportedMd5s.of(vid).ifPresent(md5 -> uploads.recordMd5(endpoint, space, vid, md5));
        }
    }

    /**
     * Whether {@code earlier}, the upload {@code file} would be skipped for, is still in the service; when it is
     * not, its entries are forgotten and the user is told.
     *
     * @throws VodException when the service cannot tell
     */
    private boolean stillPresent(Path file, UploadEntry earlier) {
        String vid = earlier.vid();
        if (present.contains(vid)) {
            return true;
        }
        boolean exists;
        try {
            exists = presence.exists(vid);
        } catch (VodException e) {
            throw new VodException(
                    "Cannot check that " + vid + ", the earlier upload of " + file + ", is still in " + "the service: "
                            + e.getMessage(),
                    e);
        }
        if (exists) {
            present.add(vid);
            return true;
        }
        uploads.forget(endpoint, earlier.spaceName(), vid);
        if (gone.add(vid)) {
            notices.accept(file + ": the earlier upload " + vid + " is gone from the service; the ledger forgets it");
        }
        return false;
    }

    @Override
    public void record(UploadRequest request, UploadResult result) {
        Stamp stamp = stamps.remove(request.file());
        if (stamp == null) {
            throw new IllegalStateException("record before find: " + request.file());
        }
        present.add(result.vid());
        try {
            insert(
                    request.file().toString(),
                    request.spaceName(),
                    withMd5(stamp, result),
                    result.vid(),
                    result.fileName(),
                    result.storeUri(),
                    result.posterUri(),
                    clock.instant());
        } catch (RuntimeException e) {
            notices.accept("uploaded " + request.file() + " as " + result.vid() + " but could not record it in "
                    + "the ledger, so a re-run uploads it again: " + e.getMessage());
        } finally {
            release(request, stamp);
        }
    }

    @Override
    public void failed(UploadRequest request) {
        Stamp stamp = stamps.remove(request.file());
        if (stamp != null) {
            release(request, stamp);
        }
    }

    /**
     * {@code stamp} with its MD5: the one read before the upload, else the one the service reports for the stored
     * bytes (the gateway checked every part's CRC on arrival, so those are the file's bytes), else {@code ""}: not
     * known yet, asked for by {@link #learnMd5s} when it matters.
     */
    private static Stamp withMd5(Stamp stamp, UploadResult result) {
        if (stamp.md5() != null) {
            return stamp;
        }
        String reported = result.sourceInfo().md5();
        return new Stamp(
                stamp.size(),
                stamp.mtimeMillis(),
                ReportedMd5s.isMd5(reported) ? reported.toLowerCase(Locale.ROOT) : "");
    }

    /** Ends this run's upload of the file, waking the files of its size that wait for it. */
    private void release(UploadRequest request, Stamp stamp) {
        if (force) {
            return; // a forced run never registers its uploads
        }
        CompletableFuture<Void> upload = running.remove(new SameSize(request.spaceName(), stamp.size()));
        if (upload != null) {
            upload.complete(null);
        }
    }

    private void insert(
            String path,
            String space,
            Stamp stamp,
            String vid,
            String fileName,
            String storeUri,
            String posterUri,
            Instant uploadedAt) {
        uploads.insert(new UploadEntry(
                endpoint,
                space,
                path,
                stamp.size(),
                stamp.mtimeMillis(),
                stamp.md5(),
                vid,
                fileName,
                storeUri,
                posterUri == null ? "" : posterUri,
                uploadedAt));
    }

    private static UploadResult result(UploadEntry entry) {
        return new UploadResult(
                entry.vid(),
                entry.posterUri(),
                entry.fileName(),
                entry.storeUri(),
                entry.spaceName(),
                new SourceInfo(
                        entry.fileName(),
                        entry.storeUri(),
                        entry.size(),
                        entry.md5(),
                        "",
                        "",
                        0,
                        0,
                        0,
                        "",
                        0,
                        0,
                        "",
                        ""));
    }

    /** Hex MD5 of the file's bytes, streamed. */
    static String md5(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new VodException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
