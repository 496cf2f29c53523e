package io.vodkit.bench.upload;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The floor of any upload over loopback TCP: a file's bytes moved into a new file through {@value #CONNECTIONS}
 * loopback connections in this process, with no protocol at all. Each sender hands its half of the file to the kernel
 * ({@link FileChannel#transferTo}, sendfile); each receiver reads its socket into a 64 KiB direct buffer and writes
 * that at its place in the target file (a positioned write): the least a receiver written in Java can do, one copy
 * out of the socket and one into the page cache. No HTTP, no checksum, no commit. Two connections were the fastest
 * of 1, 2 and 4 on the 2-core build VM.
 */
final class TcpFloor {

    static final int CONNECTIONS = 2;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final long TIMEOUT_SECONDS = 120;

    private TcpFloor() {}

    /** Moves {@code source} into a new {@code target} (replaced if present) and returns the seconds it took. */
    static double copy(Path source, Path target) throws IOException, InterruptedException {
        long size = Files.size(source);
        long share = (size + CONNECTIONS - 1) / CONNECTIONS;
        ExecutorService threads = Executors.newFixedThreadPool(2 * CONNECTIONS);
        try (ServerSocketChannel server =
                        ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                FileChannel out = FileChannel.open(
                        target,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                long offset = i * share;
                long length = Math.max(0, Math.min(share, size - offset));
                work.add(threads.submit(() -> receive(server, out)));
                work.add(threads.submit(() -> send(server.getLocalAddress(), source, offset, length)));
            }
            for (Future<?> each : work) {
                each.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (out.size() != size) {
                throw new IOException("the TCP floor wrote " + out.size() + " bytes of " + size);
            }
            return seconds;
        } catch (ExecutionException e) {
            throw new IOException("the TCP floor failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("the TCP floor took over " + TIMEOUT_SECONDS + " s", e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** One connection: its offset and length (two longs), then the bytes. */
    private static Void send(SocketAddress server, Path source, long offset, long length) throws IOException {
        try (SocketChannel socket = SocketChannel.open(server);
                FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            ByteBuffer head =
                    ByteBuffer.allocate(16).putLong(offset).putLong(length).flip();
            while (head.hasRemaining()) {
                socket.write(head);
            }
            for (long done = 0; done < length; ) {
                done += in.transferTo(offset + done, length - done, socket);
            }
        }
        return null;
    }

    private static Void receive(ServerSocketChannel server, FileChannel out) {
        try (SocketChannel socket = server.accept()) {
            ByteBuffer head = ByteBuffer.allocate(16);
            readFully(socket, head);
            long position = head.flip().getLong();
            long end = position + head.getLong();
            ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER_BYTES, end - position));
                if (socket.read(buffer) < 0) {
                    throw new EOFException("the sender stopped " + (end - position) + " bytes short");
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    position += out.write(buffer, position);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readFully(SocketChannel socket, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (socket.read(buffer) < 0) {
                throw new EOFException("the sender closed before its header");
            }
        }
    }
}
