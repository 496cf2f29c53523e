package io.vodkit.emulator.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypeSnifferTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // head as hex                                    | file name   | type
                "0000001c6674797069736f6d00000200                 | a.bin       | video/mp4",
                "00000014667479707174202000000000                 | a.mp4       | video/quicktime",
                "00000020667479704d344120                         | a.bin       | audio/mp4",
                "52494646000000004156492000000000                 | a.bin       | video/x-msvideo",
                "52494646000000005741564500000000                 | a.bin       | audio/wav",
                "1a45dfa3010000000000001f4286810142f7810142f28104 | a.bin       | video/x-matroska",
                "1a45dfa3a34282847765626d                         | a.bin       | video/webm",
                "494433040000000000                               | a.bin       | audio/mpeg",
                "fffb9064000000                                   | a.bin       | audio/mpeg",
                "fff15080000000                                   | a.bin       | audio/aac",
                "464c5601050000000900                             | a.bin       | video/x-flv",
                "4f67675300020000                                 | a.bin       | audio/ogg",
                "664c614300000022                                 | a.bin       | audio/flac",
                "ffd8ffe000104a464946                             | a.bin       | image/jpeg",
                "00112233445566778899                             | clip.MOV    | video/quicktime",
                "00112233445566778899                             | dir/x.mkv   | video/x-matroska",
                "00112233445566778899                             | song.mp3    | audio/mpeg",
                "00112233445566778899                             | noext       | application/octet-stream",
                "00112233445566778899                             | dir.v/noext | application/octet-stream",
                "00112233445566778899                             | a.xyz       | application/octet-stream",
            })
    void sniffsMagicThenExtension(String headHex, String fileName, String expected) {
        assertThat(ContentTypeSniffer.sniff(HexFormat.of().parseHex(headHex), fileName))
                .isEqualTo(expected);
    }

    @Test
    void sniffsTransportStreamSyncBytes() {
        byte[] head = new byte[376];
        head[0] = 0x47;
        head[188] = 0x47;
        assertThat(ContentTypeSniffer.sniff(head, "x.bin")).isEqualTo("video/mp2t");
        assertThat(ContentTypeSniffer.sniff("text".getBytes(StandardCharsets.US_ASCII), "a.ts"))
                .isEqualTo("video/mp2t");
    }
}
