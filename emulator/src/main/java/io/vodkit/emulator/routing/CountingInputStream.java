package io.vodkit.emulator.routing;

import io.vodkit.emulator.service.ServerStats;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts request-body bytes into {@link ServerStats#bytesReceived(long)} as they are read. */
final class CountingInputStream extends FilterInputStream {
    private final ServerStats stats;

    CountingInputStream(InputStream in, ServerStats stats) {
        super(in);
        this.stats = stats;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            stats.bytesReceived(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            stats.bytesReceived(n);
        }
        return n;
    }
}
