package io.vodkit.client.internal.api;

/**
 * One {@code UploadAddress.StoreInfos} element. {@link #toString()} hides the auth token.
 *
 * @param storeUri the object path on the upload hosts, {@code <bucket>/<FileName>}
 * @param auth     the opaque token sent verbatim as {@code Authorization} to the storage gateway
 */
public record StoreInfo(String storeUri, String auth) {

    @Override
    public String toString() {
        return "StoreInfo[storeUri=" + storeUri + ", auth=██]";
    }
}
