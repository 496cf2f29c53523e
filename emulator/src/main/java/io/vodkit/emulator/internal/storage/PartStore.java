package io.vodkit.emulator.internal.storage;

import io.vodkit.emulator.Disk;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bytes of multipart uploads, written once where they stay. {@code <root>/<uploadId>/<slot>.data} is the object
 * to be: part N is written at offset (N-1) × slot, {@code slot} being the length of the first part written there.
 * Clients send equal parts but the last (shorter, or longer when it takes the remainder), so merging is a truncate,
 * one checksum pass and a hard link into the object store, with at most the last part copied. A part that does not
 * fit that layout (longer than the slot, of unknown length, a re-send of a stored part, or one whose slot is being
 * written) is staged beside it as {@code <N>.part}, replaced atomically; a merge copies what is out of place.
 *
 * <p>Callers hold the upload's lock around {@link #openSlot}, {@link #receive}'s publishing, {@link #stopWrites} and
 * {@link #assemble}; the bytes themselves are written without it.
 */
public final class PartStore {
    private static final Logger LOG = LoggerFactory.getLogger(PartStore.class);
    private static final String DATA_SUFFIX = ".data";
    /** Slots end before this offset: ext4 files end at 16 TiB (a part number far beyond the bytes is staged). */
    private static final long MAX_SLOT_END = 8L << 40;

    private final Path root;
    private final Disk disk;
    private final DirectBuffers buffers = new DirectBuffers();
    /** Parts being written in place, per upload: a merge closes them, so nothing writes into a published object. */
    private final Map<String, Map<Integer, SeekableByteChannel>> writing = new ConcurrentHashMap<>();
    /**
     * One writer at a time per upload's file. The kernel serializes writes to a file anyway (ext4 holds the inode's
     * lock for each), but its waiters spin for it: with 8 parts in flight on two cores, 10 % of the emulator's CPU
     * for a 1 GiB upload went to {@code rwsem_spin_on_owner} and friends, taken from the writer it waited for.
     * Waiting here parks instead.
     */
    private final Map<String, Lock> fileLocks = new ConcurrentHashMap<>();

    public PartStore(Path root, Disk disk) throws IOException {
        this.root = Files.createDirectories(root);
        this.disk = disk;
    }

    /**
     * Opens part {@code partNumber}'s place in the upload's file for a body of {@code length} bytes (fixing the
     * slot size when it is the first), or returns empty when the part is to be {@linkplain #receive staged} instead.
     * The caller knows no part {@code partNumber} is stored.
     */
    public Optional<SlotWrite> openSlot(String uploadId, int partNumber, long length) throws IOException {
        Map<Integer, SeekableByteChannel> open = writing.computeIfAbsent(uploadId, id -> new ConcurrentHashMap<>());
        if (length <= 0 || open.containsKey(partNumber)) {
            return Optional.empty();
        }
        OptionalLong slot = slotBytes(uploadId);
        if (slot.isPresent() && length > slot.getAsLong()) {
            return Optional.empty();
        }
        long slotBytes = slot.orElse(length);
        if ((partNumber - 1) * slotBytes + length > MAX_SLOT_END) {
            return Optional.empty();
        }
        Path data = dataFile(uploadId, slotBytes);
        if (slot.isEmpty()) {
            Files.createDirectories(data.getParent());
            Files.createFile(data, PrivateFiles.fileAttributes());
        }
        SeekableByteChannel channel = disk.openForWrite(data);
        open.put(partNumber, channel);
        return Optional.of(new SlotWrite(uploadId, partNumber, data, channel, (partNumber - 1) * slotBytes, length));
    }

    /** One part being written at its place in the upload's file; closing it ends the write. */
    public final class SlotWrite implements Closeable {
        private final String uploadId;
        private final int partNumber;
        private final Path data;
        private final SeekableByteChannel channel;
        private final long offset;
        private final long length;

        private SlotWrite(
                String uploadId, int partNumber, Path data, SeekableByteChannel channel, long offset, long length) {
            this.uploadId = uploadId;
            this.partNumber = partNumber;
            this.data = data;
            this.channel = channel;
            this.offset = offset;
            this.length = length;
        }

        /** Writes exactly {@code length} bytes of {@code body}, computing the CRC on the buffers it writes. */
        public Checksums write(ReadableByteChannel body) throws IOException {
            channel.position(offset);
            Lock lock = fileLocks.computeIfAbsent(uploadId, id -> new ReentrantLock());
            RunningChecksums sums = new RunningChecksums(false);
            buffers.with(buffer -> {
                AtomicFiles.copy(body, new OneWriterAtATime(channel, lock), sums, length, buffer);
                return null;
            });
            if (sums.size() < length) {
                throw new EOFException(
                        "part " + partNumber + " ended after " + sums.size() + " of " + length + " bytes");
            }
            return sums.checksums();
        }

        /**
         * Gives back the space of a write that failed when no other part is being written: the upload's file goes
         * when {@code nothingStored}, else it is cut back when this slot was its end. Called under the upload's lock.
         */
        public void abandon(boolean nothingStored) throws IOException {
            close();
            if (!writing.getOrDefault(uploadId, Map.of()).isEmpty() || !Files.exists(data)) {
                return;
            }
            if (nothingStored) {
                Files.delete(data);
                return;
            }
            try (FileChannel file = FileChannel.open(data, StandardOpenOption.WRITE)) {
                if (file.size() > offset && file.size() <= offset + length) {
                    file.truncate(offset);
                }
            }
        }

        @Override
        public void close() throws IOException {
            writing.getOrDefault(uploadId, Map.of()).remove(partNumber, channel);
            channel.close();
        }
    }

    /**
     * Stages part {@code partNumber} beside the upload's file; {@link StagedFile#publish()} makes it the stored copy
     * of that part (in place of its slot). No MD5: only the merged object's is ever asked for.
     */
    public StagedFile receive(String uploadId, int partNumber, ReadableByteChannel body, long maxBytes)
            throws IOException {
        return buffers.with(
                buffer -> AtomicFiles.receive(disk, body, stagedPath(uploadId, partNumber), maxBytes, false, buffer));
    }

    /** Removes the staged copy of a part, so its slot (just written) is the stored one. */
    public void dropStaged(String uploadId, int partNumber) throws IOException {
        Files.deleteIfExists(stagedPath(uploadId, partNumber));
    }

    /** Ends every write in progress into the upload's file (a stale re-send), so none lands after a merge. */
    public void stopWrites(String uploadId) throws IOException {
        fileLocks.remove(uploadId);
        Map<Integer, SeekableByteChannel> open = writing.remove(uploadId);
        if (open != null) {
            for (SeekableByteChannel channel : open.values()) {
                channel.close();
            }
        }
    }

    /**
     * Stages the parts 1..n of {@code partSizes} (as recorded) as {@code target}. When parts 1..n-1 are in their
     * slots and slot-sized, the upload's file itself becomes the object (the last part copied in when it was staged
     * beside), and nothing is read: its CRC is combined from the parts' ({@code partCrcs}, each checked as it was
     * written) and its MD5 is left to whoever first asks for it ({@code ""}). Otherwise every part is copied into a
     * new file, checksummed (MD5 included) on the way.
     */
    public StagedFile assemble(String uploadId, List<Long> partSizes, List<String> partCrcs, Path target)
            throws IOException {
        int n = partSizes.size();
        OptionalLong slot = slotBytes(uploadId);
        if (slot.isPresent() && inLayout(uploadId, partSizes, slot.getAsLong())) {
            Path data = dataFile(uploadId, slot.getAsLong());
            long lastOffset = (n - 1) * slot.getAsLong();
            long total = lastOffset + partSizes.get(n - 1);
            Path lastStaged = stagedPath(uploadId, n);
            if (Files.exists(lastStaged)) {
                try (SeekableByteChannel out = disk.openForWrite(data)) {
                    out.position(lastOffset);
                    AtomicFiles.transfer(FileRegion.whole(lastStaged), out);
                }
            }
            try (FileChannel file = FileChannel.open(data, StandardOpenOption.WRITE)) {
                if (file.size() < total) {
                    throw new EOFException(
                            "the parts of upload " + uploadId + " end at " + file.size() + " bytes, short of " + total);
                }
                file.truncate(total);
            }
            Checksums checksums = new Checksums(
                    total,
                    Checksums.crc32Hex(Crc32Combine.of(partCrcs, partSizes)),
                    "",
                    AtomicFiles.head(data, RunningChecksums.HEAD_BYTES));
            try {
                return AtomicFiles.link(data, target, checksums);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (Disk.isFull(e)) {
                    throw e;
                }
                LOG.info("No hard link into the object store, copying instead path={} reason={}", data, e.toString());
                return AtomicFiles.concatenate(disk, List.of(new FileRegion(data, 0, total)), target);
            }
        }
        List<FileRegion> regions = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            regions.add(region(uploadId, k, partSizes.get(k - 1)));
        }
        return AtomicFiles.concatenate(disk, regions, target);
    }

    /** Where the stored part {@code partNumber} of {@code size} bytes is: staged beside, else in its slot. */
    public FileRegion region(String uploadId, int partNumber, long size) throws IOException {
        Path staged = stagedPath(uploadId, partNumber);
        OptionalLong slot = slotBytes(uploadId);
        if (Files.exists(staged) || slot.isEmpty()) {
            return FileRegion.whole(staged);
        }
        return new FileRegion(dataFile(uploadId, slot.getAsLong()), (partNumber - 1) * slot.getAsLong(), size);
    }

    /** Whether parts 1..n-1 are in their slots and slot-sized, and the last fits its slot or is staged. */
    private boolean inLayout(String uploadId, List<Long> partSizes, long slot) {
        int n = partSizes.size();
        for (int k = 1; k < n; k++) {
            if (partSizes.get(k - 1) != slot || Files.exists(stagedPath(uploadId, k))) {
                return false;
            }
        }
        return partSizes.get(n - 1) <= slot || Files.exists(stagedPath(uploadId, n));
    }

    /** Removes the upload's directory and everything in it, ending writes in progress. */
    public void deleteUpload(String uploadId) throws IOException {
        stopWrites(uploadId);
        deleteTree(uploadDir(uploadId));
    }

    /** Deletes staging directories (and stray files) that belong to no upload on record. */
    public void sweep(Set<String> liveUploadIds) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!liveUploadIds.contains(entry.getFileName().toString())) {
                    LOG.info("Removing staging data of unknown upload path={}", entry);
                    deleteTree(entry);
                }
            }
        }
    }

    /** The slot size of the upload's file, fixed by the first part written in place; empty before. */
    private OptionalLong slotBytes(String uploadId) throws IOException {
        Path dir = uploadDir(uploadId);
        if (!Files.isDirectory(dir)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(DATA_SUFFIX))
                    .mapToLong(name -> Long.parseLong(name.substring(0, name.length() - DATA_SUFFIX.length())))
                    .findFirst();
        }
    }

    private Path dataFile(String uploadId, long slotBytes) {
        return uploadDir(uploadId).resolve(slotBytes + DATA_SUFFIX);
    }

    private Path stagedPath(String uploadId, int partNumber) {
        return uploadDir(uploadId).resolve(partNumber + ".part");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Path uploadDir(String uploadId) {
        if (uploadId.isEmpty() || !uploadId.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
            throw new IllegalArgumentException("invalid upload id: " + uploadId);
        }
        return root.resolve(uploadId);
    }

    /** A file channel whose writes take {@code lock} (see {@link #fileLocks}). */
    private static final class OneWriterAtATime implements WritableByteChannel {
        private final WritableByteChannel channel;
        private final Lock lock;

        OneWriterAtATime(WritableByteChannel channel, Lock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            lock.lock();
            try {
                return channel.write(source);
            } finally {
                lock.unlock();
            }
        }

        @Override
        public boolean isOpen() {
            return channel.isOpen();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
