package io.vodkit.client.media;

import io.vodkit.client.internal.http.HttpTransport;
import io.vodkit.client.internal.media.FileDownload;
import java.time.Duration;
import java.util.Objects;

/**
 * Downloads an http(s) URL to a file: streamed, resumed with {@code Range}, kept in a {@code .part} file until it is
 * whole, checked against its size (and MD5 when known). It needs no account: a plain URL downloads as well as a
 * signed play URL. {@link MediaManager#download} is the same download over the client's transport; {@link #open}
 * gives one with its own, closed by {@link #close}.
 */
public final class MediaDownloader implements AutoCloseable {
    private final FileDownload download;
    private final HttpTransport owned;

    /** A downloader over a transport someone else owns and closes. */
    MediaDownloader(HttpTransport transport) {
        this(transport, null);
    }

    private MediaDownloader(HttpTransport transport, HttpTransport owned) {
        this.download = new FileDownload(Objects.requireNonNull(transport, "transport == null"));
        this.owned = owned;
    }

    /**
     * A downloader with its own HTTP transport (https trusted as the JDK trusts it); close it when done.
     *
     * @param timeout how long to wait for a connection or the server's reply, or go without a byte moving
     */
    public static MediaDownloader open(Duration timeout) {
        HttpTransport transport = new HttpTransport(timeout, timeout, true);
        return new MediaDownloader(transport, transport);
    }

    /**
     * Streams {@code request.url()} to {@code request.target()}.
     *
     * @throws io.vodkit.client.VodException when the download fails, is refused or does not match what was expected
     */
    public DownloadResult download(DownloadRequest request, DownloadListener listener) {
        return download.run(request, listener);
    }

    /** Closes the transport {@link #open} made; a downloader over a shared transport leaves it open. */
    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }
}
