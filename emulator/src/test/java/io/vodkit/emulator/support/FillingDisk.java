package io.vodkit.emulator.support;

import io.vodkit.emulator.Disk;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/** A disk with room for {@code capacity} bytes in all: a write past it fails as Linux says (ENOSPC). */
public final class FillingDisk implements Disk {
    private final long capacity;
    private final AtomicLong written = new AtomicLong();

    public FillingDisk(long capacity) {
        this.capacity = capacity;
    }

    @Override
    public SeekableByteChannel openForWrite(Path file) throws IOException {
        SeekableByteChannel real = Disk.LOCAL.openForWrite(file);
        return new SeekableByteChannel() {
            @Override
            public int write(ByteBuffer source) throws IOException {
                if (written.get() + source.remaining() > capacity) {
                    throw new IOException("No space left on device");
                }
                int n = real.write(source);
                written.addAndGet(n);
                return n;
            }

            @Override
            public int read(ByteBuffer target) throws IOException {
                return real.read(target);
            }

            @Override
            public long position() throws IOException {
                return real.position();
            }

            @Override
            public SeekableByteChannel position(long newPosition) throws IOException {
                real.position(newPosition);
                return this;
            }

            @Override
            public long size() throws IOException {
                return real.size();
            }

            @Override
            public SeekableByteChannel truncate(long size) throws IOException {
                real.truncate(size);
                return this;
            }

            @Override
            public boolean isOpen() {
                return real.isOpen();
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }
}
