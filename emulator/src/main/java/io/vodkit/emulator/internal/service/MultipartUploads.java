package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.Disk;
import io.vodkit.emulator.internal.api.GatewayError;
import io.vodkit.emulator.internal.db.MultipartPart;
import io.vodkit.emulator.internal.db.MultipartPartRepository;
import io.vodkit.emulator.internal.db.MultipartUpload;
import io.vodkit.emulator.internal.db.MultipartUploadRepository;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.security.UploadTokenClaims;
import io.vodkit.emulator.internal.storage.BodyTooLargeException;
import io.vodkit.emulator.internal.storage.Checksums;
import io.vodkit.emulator.internal.storage.ContentTypeSniffer;
import io.vodkit.emulator.internal.storage.ObjectStore;
import io.vodkit.emulator.internal.storage.PartStore;
import io.vodkit.emulator.internal.storage.StagedFile;
import io.vodkit.emulator.internal.storage.StripedLocks;
import java.io.IOException;
import java.nio.channels.ReadableByteChannel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multipart state machine (spec §6.4): init → parts (any order, concurrently, re-sendable) → merge, plus the
 * part list for resuming. Uploads expire after {@link Limits#MULTIPART_LIFETIME}; they are removed at start-up
 * ({@link #sweepExpired()}) and whenever one is touched after expiry. A merge is idempotent: repeating it with the
 * same part CRCs (a client whose merge reply was lost) answers the merged object again until the upload expires.
 */
public final class MultipartUploads {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploads.class);

    private final MultipartUploadRepository uploads;
    private final MultipartPartRepository parts;
    private final PartStore partStore;
    private final ObjectRepository objects;
    private final ObjectStore objectStore;
    private final ObjectPublisher publisher;
    private final Ids ids;
    private final Clock clock;
    private final StripedLocks locks = new StripedLocks(64);

    public MultipartUploads(
            MultipartUploadRepository uploads,
            MultipartPartRepository parts,
            PartStore partStore,
            ObjectRepository objects,
            ObjectStore objectStore,
            ObjectPublisher publisher,
            Ids ids,
            Clock clock) {
        this.uploads = uploads;
        this.parts = parts;
        this.partStore = partStore;
        this.objects = objects;
        this.objectStore = objectStore;
        this.publisher = publisher;
        this.ids = ids;
        this.clock = clock;
    }

    /** {@code PUT ?uploads}: starts an upload and returns its uploadID. */
    public String init(UploadTokenClaims claims) throws IOException {
        publisher.checkOwner(claims.spaceName(), claims.storeUri());
        sweepExpired();
        Instant now = clock.instant();
        MultipartUpload upload = new MultipartUpload(
                ids.uploadId(), claims.spaceName(), claims.storeUri(), now, now.plus(Limits.MULTIPART_LIFETIME));
        uploads.insert(upload);
        LOG.info("Multipart upload started uploadId={} storeUri={}", upload.uploadId(), upload.storeUri());
        return upload.uploadId();
    }

    /**
     * {@code PUT ?partNumber=N&uploadID=U}: stores one part after checking its CRC, computed on the buffers that are
     * written. A part goes straight to its place in the upload's file when it fits there and is not stored yet;
     * otherwise it is staged beside and replaces the stored copy atomically (a re-send with the same bytes keeps the
     * copy in place).
     */
    public MultipartPart putPart(
            UploadTokenClaims claims,
            String uploadId,
            String partNumberText,
            ReadableByteChannel body,
            ExpectedCrc expected,
            long contentLength)
            throws IOException {
        int partNumber = parsePartNumber(partNumberText);
        requireOpen(claims, uploadId);
        if (contentLength > Limits.MAX_PART_BYTES) {
            throw GatewayError.ENTITY_TOO_LARGE.exception(Limits.MAX_PART_BYTES);
        }
        Optional<PartStore.SlotWrite> slot;
        Lock lock = locks.lockFor(uploadId);
        lock.lock();
        try {
            requireOpen(claims, uploadId);
            slot = parts.find(uploadId, partNumber).isPresent()
                    ? Optional.empty()
                    : partStore.openSlot(uploadId, partNumber, contentLength);
        } catch (IOException e) {
            throw discardedIfDiskFull(uploadId, e);
        } finally {
            lock.unlock();
        }
        return slot.isPresent()
                ? putInPlace(claims, uploadId, partNumber, body, expected, slot.get())
                : putStaged(claims, uploadId, partNumber, body, expected);
    }

    private MultipartPart putInPlace(
            UploadTokenClaims claims,
            String uploadId,
            int partNumber,
            ReadableByteChannel body,
            ExpectedCrc expected,
            PartStore.SlotWrite slot)
            throws IOException {
        MultipartPart part;
        try (slot) {
            part = checked(claims, uploadId, partNumber, slot.write(body), expected);
        } catch (IOException | RuntimeException e) {
            Lock lock = locks.lockFor(uploadId);
            lock.lock();
            try {
                slot.abandon(parts.list(uploadId).isEmpty());
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            } finally {
                lock.unlock();
            }
            if (e instanceof IOException io) {
                throw discardedIfDiskFull(uploadId, io);
            }
            throw e;
        }
        Lock lock = locks.lockFor(uploadId);
        lock.lock();
        try {
            requireOpen(claims, uploadId);
            partStore.dropStaged(uploadId, partNumber);
            parts.put(part);
            return part;
        } finally {
            lock.unlock();
        }
    }

    private MultipartPart putStaged(
            UploadTokenClaims claims, String uploadId, int partNumber, ReadableByteChannel body, ExpectedCrc expected)
            throws IOException {
        StagedFile staged;
        try {
            staged = partStore.receive(uploadId, partNumber, body, Limits.MAX_PART_BYTES);
        } catch (BodyTooLargeException e) {
            throw GatewayError.ENTITY_TOO_LARGE.exception(e.limitBytes());
        } catch (IOException e) {
            throw discardedIfDiskFull(uploadId, e);
        }
        MultipartPart part;
        try {
            part = checked(claims, uploadId, partNumber, staged.checksums(), expected);
        } catch (RuntimeException e) {
            staged.discard();
            throw e;
        }
        Lock lock = locks.lockFor(uploadId);
        lock.lock();
        try {
            requireOpen(claims, uploadId);
            Optional<MultipartPart> same = parts.find(uploadId, partNumber)
                    .filter(earlier ->
                            earlier.size() == part.size() && earlier.crc32().equals(part.crc32()));
            if (same.isPresent()) {
                staged.discard();
                return same.get();
            }
            staged.publish();
            parts.put(part);
            return part;
        } catch (IOException | RuntimeException e) {
            staged.discard();
            throw e;
        } finally {
            lock.unlock();
        }
    }

    /** The part as received, after its CRC was checked against the client's. */
    private static MultipartPart checked(
            UploadTokenClaims claims, String uploadId, int partNumber, Checksums checksums, ExpectedCrc expected) {
        if (!expected.matches(checksums.crc32())) {
            throw GatewayError.CRC_MISMATCH.exception(expected.crc32(), checksums.crc32());
        }
        return new MultipartPart(
                uploadId,
                partNumber,
                checksums.size(),
                checksums.crc32(),
                ContentTypeSniffer.sniff(checksums.head(), Spaces.fileNameOf(claims.storeUri())));
    }

    /** {@code GET ?uploadID=U}: the parts received so far. */
    public List<MultipartPart> listParts(UploadTokenClaims claims, String uploadId) throws IOException {
        requireOpen(claims, uploadId);
        return parts.list(uploadId);
    }

    /**
     * {@code PUT ?uploadID=U} with the merge body: checks every listed CRC against the stored parts 1..n, makes
     * them the object (the upload's file itself when the parts are in place, see {@link PartStore}) and removes the
     * upload.
     *
     * @param objectContentType the client's {@code ObjectContentType}, or null/empty to use part 1's sniffed type
     */
    public StoredObject complete(UploadTokenClaims claims, String uploadId, String mergeBody, String objectContentType)
            throws IOException {
        Lock lock = locks.lockFor(uploadId);
        lock.lock();
        try {
            MergeManifest manifest = MergeManifest.parse(mergeBody);
            Optional<StoredObject> merged = alreadyMerged(claims, uploadId, manifest);
            if (merged.isPresent()) {
                LOG.info("Multipart merge repeated uploadId={} storeUri={}", uploadId, claims.storeUri());
                return merged.get();
            }
            requireOpen(claims, uploadId);
            Map<Integer, MultipartPart> received = parts.list(uploadId).stream()
                    .collect(Collectors.toMap(MultipartPart::partNumber, Function.identity()));
            List<Long> sizes = new ArrayList<>();
            for (int k = 0; k < manifest.partCrcs().size(); k++) {
                int partNumber = k + 1;
                MultipartPart part = received.get(partNumber);
                if (part == null) {
                    throw GatewayError.MISSING_PART.exception(partNumber, uploadId);
                }
                if (!part.crc32().equals(manifest.partCrcs().get(k))) {
                    throw GatewayError.CRC_MISMATCH.exception(
                            manifest.partCrcs().get(k), part.crc32() + " (part " + partNumber + ")");
                }
                sizes.add(part.size());
            }
            String contentType = objectContentType == null || objectContentType.isBlank()
                    ? received.get(1).contentType()
                    : objectContentType;
            String objectId = ids.objectId();
            StagedFile assembled;
            try {
                partStore.stopWrites(uploadId);
                assembled = partStore.assemble(uploadId, sizes, manifest.partCrcs(), objectStore.path(objectId));
            } catch (IOException e) {
                throw discardedIfDiskFull(uploadId, e);
            }
            StoredObject object =
                    publisher.publish(claims.spaceName(), claims.storeUri(), objectId, assembled, contentType);
            uploads.markMerged(uploadId, String.join(",", manifest.partCrcs()));
            partStore.deleteUpload(uploadId);
            LOG.info("Multipart upload merged uploadId={} parts={} size={}", uploadId, sizes.size(), object.size());
            return object;
        } finally {
            lock.unlock();
        }
    }

    /** The object a previous merge of {@code uploadId} with the same part CRCs made, if there was one. */
    private Optional<StoredObject> alreadyMerged(UploadTokenClaims claims, String uploadId, MergeManifest manifest) {
        return uploads.mergedManifest(uploadId, claims.storeUri())
                .filter(previous -> previous.equals(String.join(",", manifest.partCrcs())))
                .flatMap(previous -> objects.findByStoreUri(claims.storeUri()));
    }

    /** Removes every expired upload with its staged parts. */
    public void sweepExpired() throws IOException {
        for (MultipartUpload upload : uploads.expiredAt(clock.instant())) {
            LOG.info("Multipart upload expired uploadId={} storeUri={}", upload.uploadId(), upload.storeUri());
            discard(upload.uploadId());
        }
    }

    /**
     * A full disk ends the upload: its staged parts are removed to give the space back (the client is told, and
     * starts again once there is room); {@code e} is returned to be thrown.
     */
    private IOException discardedIfDiskFull(String uploadId, IOException e) {
        if (Disk.isFull(e)) {
            Lock lock = locks.lockFor(uploadId);
            lock.lock();
            try {
                discard(uploadId);
                LOG.warn("Multipart upload removed: no space left on the disk uploadId={}", uploadId);
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            } finally {
                lock.unlock();
            }
        }
        return e;
    }

    /** Removes every upload of {@code storeUri}, open or merged, with its staged parts. */
    public void discardAll(String storeUri) throws IOException {
        for (String uploadId : uploads.idsOf(storeUri)) {
            discard(uploadId);
        }
    }

    /** Deletes staging directories that belong to no upload on record (left by a crash). */
    public void sweepOrphans() throws IOException {
        partStore.sweep(uploads.allIds());
    }

    /** Unfinished, unexpired multipart uploads. */
    public long activeCount() {
        return uploads.countActiveAt(clock.instant());
    }

    private MultipartUpload requireOpen(UploadTokenClaims claims, String uploadId) throws IOException {
        if (uploadId == null || uploadId.isEmpty()) {
            throw GatewayError.INVALID_REQUEST.exception("uploadID is required");
        }
        Optional<MultipartUpload> upload = uploads.find(uploadId);
        if (upload.isPresent() && !clock.instant().isBefore(upload.get().expiresAt())) {
            discard(uploadId);
            upload = Optional.empty();
        }
        if (upload.isEmpty() || !upload.get().storeUri().equals(claims.storeUri())) {
            throw GatewayError.NO_SUCH_UPLOAD.exception(uploadId, claims.storeUri());
        }
        return upload.get();
    }

    private void discard(String uploadId) throws IOException {
        uploads.delete(uploadId);
        partStore.deleteUpload(uploadId);
    }

    private static int parsePartNumber(String text) {
        try {
            int partNumber = Integer.parseInt(text);
            if (partNumber >= 1 && partNumber <= Limits.MAX_PART_NUMBER) {
                return partNumber;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw GatewayError.INVALID_PART_NUMBER.exception(text, Limits.MAX_PART_NUMBER);
    }
}
