package io.vodkit.emulator.internal.storage;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Direct buffers that request bodies pass through on their way to disk, reused: the bytes go from the server's
 * buffer into one of these and from there to the file, never through the Java heap (a heap buffer costs the JDK one
 * more copy, into a temporary direct buffer, on every write). At most {@value #KEPT} are held between uses; a
 * buffer taken while none is free is allocated, and dropped when given back to a full pool.
 */
final class DirectBuffers {
    /** Bytes a body is written in at a time: a 20 MiB part is 80 writes. */
    private static final int BODY_BUFFER_BYTES = 256 * 1024;
    /** Buffers kept: as many as one client's parts in flight (vodkit sends at most 8), 2 MiB in all. */
    private static final int KEPT = 8;

    private final ArrayBlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(KEPT);

    /** Runs {@code use} with a cleared {@value #BODY_BUFFER_BYTES}-byte buffer, which is then given back. */
    <T, E extends Exception> T with(Use<T, E> use) throws E {
        ByteBuffer buffer = free.poll();
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(BODY_BUFFER_BYTES);
        }
        try {
            return use.apply(buffer.clear());
        } finally {
            free.offer(buffer);
        }
    }

    /** What is done with a buffer. */
    @FunctionalInterface
    interface Use<T, E extends Exception> {
        T apply(ByteBuffer buffer) throws E;
    }
}
