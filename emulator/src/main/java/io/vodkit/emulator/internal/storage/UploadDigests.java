package io.vodkit.emulator.internal.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole file's MD5 and CRC of each multipart upload, computed on one background thread while the parts arrive:
 * as soon as parts 1..k are stored, they are read back (from the page cache) in order. A merge then finds the
 * checksums ready instead of reading the whole file after the last part. Each part read is checked against its
 * recorded CRC; anything unexpected (a part replaced after it was read, a restart, parts beyond the merged ones)
 * leaves the merge to checksum the file itself.
 */
public final class UploadDigests {
    private static final Logger LOG = LoggerFactory.getLogger(UploadDigests.class);
    private static final int READ_BYTES = 1024 * 1024;
    /** Pending "a part was stored" notices; when full, the merge catches up itself. */
    private static final int QUEUE = 4096;

    /** A stored part as recorded: its size and CRC. */
    public record Part(long size, String crc32) {}

    /** Looks up the stored part {@code partNumber} of an upload. */
    @FunctionalInterface
    public interface Parts {
        Optional<Part> find(String uploadId, int partNumber);
    }

    private final PartStore store;
    private final Parts parts;
    private final Map<String, Digest> digests = new ConcurrentHashMap<>();
    /** One thread for all uploads, ended after a few idle seconds (so an emulator needs no closing for it). */
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(
            1,
            1,
            5,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            runnable -> {
                Thread thread = new Thread(runnable, "vodkit-part-digest");
                thread.setDaemon(true);
                return thread;
            },
            new ThreadPoolExecutor.DiscardPolicy());

    public UploadDigests(PartStore store, Parts parts) {
        this.store = store;
        this.parts = parts;
        worker.allowCoreThreadTimeOut(true);
    }

    /** A part of the upload was stored: digest, in the background, the parts now in sequence. */
    public void stored(String uploadId) {
        digests.computeIfAbsent(uploadId, id -> new Digest());
        worker.execute(() -> {
            Digest digest = digests.get(uploadId);
            if (digest != null) {
                digest.advance(uploadId, Integer.MAX_VALUE);
            }
        });
    }

    /**
     * The checksums of parts 1..n whose CRCs are {@code partCrcs}, digesting what is left of them here; empty when
     * they were not digested as those parts. Ends the upload's digest either way.
     */
    public Optional<Checksums> finish(String uploadId, List<String> partCrcs) {
        Digest digest = digests.remove(uploadId);
        if (digest == null) {
            return Optional.empty();
        }
        synchronized (digest) {
            digest.advance(uploadId, partCrcs.size());
            return digest.failed || !digest.crcs.equals(partCrcs)
                    ? Optional.empty()
                    : Optional.of(digest.sum.checksums());
        }
    }

    /** Drops the upload's digest (the upload was removed). */
    public void forget(String uploadId) {
        digests.remove(uploadId);
    }

    private final class Digest {
        private final ChecksummingOutputStream sum =
                new ChecksummingOutputStream(OutputStream.nullOutputStream(), true);
        private final List<String> crcs = new ArrayList<>();
        private boolean failed;

        /** Digests the stored parts that follow the digested ones, up to part {@code last}. */
        synchronized void advance(String uploadId, int last) {
            while (!failed && crcs.size() < last) {
                int partNumber = crcs.size() + 1;
                Optional<Part> part = parts.find(uploadId, partNumber);
                if (part.isEmpty()) {
                    return;
                }
                try {
                    String crc =
                            read(store.region(uploadId, partNumber, part.get().size()));
                    if (!crc.equals(part.get().crc32())) {
                        failed = true;
                        return;
                    }
                    crcs.add(crc);
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Part digest stopped uploadId={} part={} reason={}", uploadId, partNumber, e.toString());
                    failed = true;
                }
            }
        }

        /** Adds the region to the running checksums; returns the region's own CRC. */
        private String read(FileRegion region) throws IOException {
            CRC32 crc = new CRC32();
            ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
            try (FileChannel in = FileChannel.open(region.file(), StandardOpenOption.READ)) {
                for (long done = 0; done < region.length(); ) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), region.length() - done));
                    int n = in.read(buffer, region.offset() + done);
                    if (n < 0) {
                        throw new IOException(region.file() + " ended before part end " + region.length());
                    }
                    sum.write(buffer.array(), 0, n);
                    crc.update(buffer.array(), 0, n);
                    done += n;
                }
            }
            return Checksums.crc32Hex(crc.getValue());
        }
    }
}
