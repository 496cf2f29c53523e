package io.vodkit.client.media;

import io.vodkit.client.http.HttpTransport;
import io.vodkit.client.media.internal.FileDownload;
import java.util.Objects;

/**
 * Downloads an http(s) URL to a file: streamed, resumed with {@code Range}, kept in a {@code .part} file until it is
 * whole, checked against its size (and MD5 when known). It needs only an {@link HttpTransport}, no account: a plain
 * URL downloads as well as a signed play URL. {@link MediaManager#download} is the same download over the client's
 * transport.
 */
public final class MediaDownloader {
    private final FileDownload download;

    public MediaDownloader(HttpTransport transport) {
        this.download = new FileDownload(Objects.requireNonNull(transport, "transport == null"));
    }

    /**
     * Streams {@code request.url()} to {@code request.target()}.
     *
     * @throws io.vodkit.client.VodException when the download fails, is refused or does not match what was expected
     */
    public DownloadResult download(DownloadRequest request, DownloadListener listener) {
        return download.run(request, listener);
    }
}
