package io.vodkit.client.internal.upload;

import io.vodkit.client.internal.api.UploadHeader;
import java.util.List;
import java.util.Objects;

/**
 * Where and how an object goes: an upload host, the StoreUri (object path), the auth token from
 * ApplyUploadInfo's StoreInfos, and the UploadHeader pairs. {@link #toString()} hides the token.
 *
 * @param host          {@code host[:port]} from {@code UploadHosts}
 * @param storeUri      {@code StoreInfos[i].StoreUri}
 * @param auth          {@code StoreInfos[i].Auth}, sent verbatim as {@code Authorization}
 * @param uploadHeaders sent on direct and init requests
 */
public record StorageTarget(String host, String storeUri, String auth, List<UploadHeader> uploadHeaders) {

    public StorageTarget {
        Objects.requireNonNull(host, "host == null");
        Objects.requireNonNull(storeUri, "storeUri == null");
        Objects.requireNonNull(auth, "auth == null");
        uploadHeaders = List.copyOf(uploadHeaders);
    }

    /** The same object on another upload host. */
    public StorageTarget withHost(String newHost) {
        return new StorageTarget(newHost, storeUri, auth, uploadHeaders);
    }

    @Override
    public String toString() {
        return "StorageTarget[host=" + host + ", storeUri=" + storeUri + ", auth=██, uploadHeaders="
                + uploadHeaders.size() + "]";
    }
}
