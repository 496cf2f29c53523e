package io.vodkit.client.internal.api;

/** One {@code UploadAddress.UploadHeader} pair; sent on direct and init gateway requests, as the Java SDK does. */
public record UploadHeader(String key, String value) {}
