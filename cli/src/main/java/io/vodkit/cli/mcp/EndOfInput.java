package io.vodkit.cli.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/** An input stream that says when it reached its end (or failed): the client closed the server's stdin. */
final class EndOfInput extends FilterInputStream {
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    EndOfInput(InputStream in) {
        super(in);
    }

    CompletableFuture<Void> ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        return watch(() -> super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return watch(() -> super.read(buffer, offset, length));
    }

    private interface Read {
        int run() throws IOException;
    }

    private int watch(Read read) throws IOException {
        try {
            int result = read.run();
            if (result < 0) {
                ended.complete(null);
            }
            return result;
        } catch (IOException e) {
            ended.complete(null);
            throw e;
        }
    }
}
