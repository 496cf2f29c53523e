package io.vodkit.client.internal.upload;

/**
 * A part the storage already holds for a multipart upload ({@code payload.partList} of {@code GET ?uploadID=}).
 *
 * @param partNumber 1-based part number
 * @param crc32      8 lowercase hex digits
 * @param size       bytes
 */
public record StoredPart(int partNumber, String crc32, long size) {}
