package io.vodkit.client.upload;

/**
 * A progress snapshot: body bytes handed to the network so far, out of the file size. When a request fails over to
 * another host, the bytes of the failed attempt are taken back, so {@code bytesSent} can go down.
 */
public record UploadProgress(long bytesSent, long totalBytes) {}
