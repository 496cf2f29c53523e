package io.vodkit.emulator.internal.storage;

import java.io.IOException;

/** A streamed body exceeded its size limit; the partial temp file has been deleted. */
public final class BodyTooLargeException extends IOException {
    private final long limitBytes;

    public BodyTooLargeException(long limitBytes) {
        super("body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
