package io.vodkit.client.internal.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionPublisherTest {

    @TempDir
    Path dir;

    @Test
    void streamsExactlyTheRegionAndMatchesItsCrc() throws IOException {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        Path file = Files.write(dir.resolve("data.bin"), data);
        CRC32 expected = new CRC32();
        expected.update(data, 1000, 200_000);

        try (FileChannel channel = FileChannel.open(file)) {
            FileRegion region = new FileRegion(channel, 1000, 200_000);
            AtomicLong reported = new AtomicLong();
            Collector collector = new Collector();
            new RegionPublisher(region, counting(reported, new AtomicBoolean())).subscribe(collector);

            assertThat(collector.completed).isTrue();
            assertThat(collector.error).isNull();
            assertThat(collector.crc.getValue()).isEqualTo(expected.getValue());
            assertThat(collector.bytes).isEqualTo(200_000);
            assertThat(reported.get()).isEqualTo(200_000);
            assertThat(collector.largestSlice).isLessThanOrEqualTo(RegionPublisher.SLICE_BYTES);
            assertThat(RegionCrc32.of(region)).isEqualTo(String.format("%08x", expected.getValue()));
        }
    }

    @Test
    void cancellationFailsTheBody() throws IOException {
        Path file = Files.write(dir.resolve("data.bin"), new byte[200_000]);
        try (FileChannel channel = FileChannel.open(file)) {
            AtomicBoolean cancelled = new AtomicBoolean(true);
            Collector collector = new Collector();
            new RegionPublisher(new FileRegion(channel, 0, 200_000), counting(new AtomicLong(), cancelled))
                    .subscribe(collector);

            assertThat(collector.completed).isFalse();
            assertThat(collector.error).isInstanceOf(IOException.class).hasMessageContaining("cancelled");
        }
    }

    private static TransferControl counting(AtomicLong bytes, AtomicBoolean cancelled) {
        return new TransferControl() {
            @Override
            public void onBytesSent(long count) {
                bytes.addAndGet(count);
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
    }

    /** Requests one buffer at a time, re-entrantly from onNext, as an HTTP client may. */
    private static final class Collector implements Flow.Subscriber<ByteBuffer> {
        final CRC32 crc = new CRC32();
        Flow.Subscription subscription;
        long bytes;
        int largestSlice;
        boolean completed;
        Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer item) {
            largestSlice = Math.max(largestSlice, item.remaining());
            bytes += item.remaining();
            crc.update(item);
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
