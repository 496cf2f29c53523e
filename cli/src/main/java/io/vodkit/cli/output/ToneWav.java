package io.vodkit.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A WAV file of a 440 Hz tone: mono 16-bit PCM at 48 kHz, what {@code vodkit sample} writes. */
public final class ToneWav {
    private static final int SAMPLE_RATE = 48_000;
    private static final int HEADER_BYTES = 44;

    private ToneWav() {}

    /**
     * Writes {@code seconds} of the tone to {@code file}.
     *
     * @return the file's size in bytes
     */
    public static long write(Path file, int seconds) throws IOException {
        long dataBytes = (long) SAMPLE_RATE * 2 * seconds;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(header(dataBytes));
            ByteBuffer sample = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < dataBytes / 2; i++) {
                short value = (short) (Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE) * 0.3 * Short.MAX_VALUE);
                out.write(sample.clear().putShort(value).array());
            }
        }
        return HEADER_BYTES + dataBytes;
    }

    /** The RIFF/WAVE header of a mono 16-bit PCM stream of {@code dataBytes} bytes. */
    private static byte[] header(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes));
        header.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
        header.putShort((short) 1).putShort((short) 1).putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2);
        header.putShort((short) 2).putShort((short) 16);
        header.put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return header.array();
    }
}
