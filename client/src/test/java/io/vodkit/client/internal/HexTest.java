package io.vodkit.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HexTest {

    @ParameterizedTest(name = "crc32(\"{0}\") = {1}")
    @CsvSource(
            value = {
                "hello world, 0d4a1185",
                "'', 00000000",
                "a, e8b7be43",
            })
    void crc32IsEightLowercaseZeroPaddedHexDigits(String text, String expected) {
        CRC32 crc = new CRC32();
        crc.update(text.getBytes(StandardCharsets.UTF_8));

        assertThat(Hex.crc32(crc.getValue())).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, 00000000", "255, 000000ff", "4294967295, ffffffff"})
    void crc32FormatsRawValues(long value, String expected) {
        assertThat(Hex.crc32(value)).isEqualTo(expected);
    }

    @Test
    void encodesBytesAsLowercaseHex() {
        assertThat(Hex.encode(new byte[] {0, (byte) 0xaa, (byte) 0xff, 0x0f})).isEqualTo("00aaff0f");
        assertThat(Hex.encode(new byte[0])).isEmpty();
    }
}
