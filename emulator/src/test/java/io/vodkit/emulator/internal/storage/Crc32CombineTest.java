package io.vodkit.emulator.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Crc32CombineTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void combinedCrcIsTheCrcOfTheConcatenation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        CRC32 whole = new CRC32();
        List<String> crcs = new ArrayList<>();
        List<Long> lengths = new ArrayList<>();
        for (int piece = random.nextInt(1, 9); piece > 0; piece--) {
            byte[] bytes = new byte[random.nextInt(0, 70_000)];
            random.nextBytes(bytes);
            whole.update(bytes);
            CRC32 one = new CRC32();
            one.update(bytes);
            crcs.add(Checksums.crc32Hex(one.getValue()));
            lengths.add((long) bytes.length);
        }

        assertThat(Crc32Combine.of(crcs, lengths)).isEqualTo(whole.getValue());
    }

    @Test
    void aPieceLongerThanFourGibibytesCombines() {
        byte[] head = new byte[1000];
        new SplittableRandom(9).nextBytes(head);
        byte[] zeros = new byte[1 << 20];
        long zeroBytes = (4L << 30) + (1 << 20); // past 2^32: the length's high bits count
        CRC32 whole = new CRC32();
        CRC32 tail = new CRC32();
        whole.update(head);
        for (long done = 0; done < zeroBytes; done += zeros.length) {
            whole.update(zeros);
            tail.update(zeros);
        }
        CRC32 first = new CRC32();
        first.update(head);

        assertThat(Crc32Combine.of(
                        List.of(Checksums.crc32Hex(first.getValue()), Checksums.crc32Hex(tail.getValue())),
                        List.of((long) head.length, zeroBytes)))
                .isEqualTo(whole.getValue());
    }

    @Test
    void mismatchedListsAreRefused() {
        assertThatThrownBy(() -> Crc32Combine.of(List.of("00000000"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
