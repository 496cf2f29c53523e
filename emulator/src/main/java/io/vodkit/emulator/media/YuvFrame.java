package io.vodkit.emulator.media;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One raw 8-bit planar YUV 4:2:0 frame ({@code yuv420p}), as ffmpeg's {@code rawvideo} muxer writes it. The planes
 * are mutable so that a {@link FrameProcessor} can repair a frame in place.
 */
public final class YuvFrame {

    private final int width;
    private final int height;
    private final byte[] y;
    private final byte[] u;
    private final byte[] v;

    public YuvFrame(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size < 1: " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.y = new byte[width * height];
        this.u = new byte[chromaWidth() * chromaHeight()];
        this.v = new byte[chromaWidth() * chromaHeight()];
    }

    /** Bytes one frame of this size takes in a {@code yuv420p} stream. */
    public static int frameBytes(int width, int height) {
        return width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int chromaWidth() {
        return (width + 1) / 2;
    }

    public int chromaHeight() {
        return (height + 1) / 2;
    }

    /** The luma plane, row by row ({@code width} bytes per row), unsigned values. */
    public byte[] luma() {
        return y;
    }

    public byte[] cb() {
        return u;
    }

    public byte[] cr() {
        return v;
    }

    /**
     * Fills this frame from the stream.
     *
     * @return false at a clean end of stream (no byte of a new frame read)
     * @throws EOFException when the stream ends inside a frame
     */
    public boolean readFrom(InputStream in) throws IOException {
        int first = in.readNBytes(y, 0, y.length);
        if (first == 0) {
            return false;
        }
        if (first < y.length || in.readNBytes(u, 0, u.length) < u.length || in.readNBytes(v, 0, v.length) < v.length) {
            throw new EOFException("stream ended inside a " + width + "x" + height + " frame");
        }
        return true;
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(y);
        out.write(u);
        out.write(v);
    }
}
