package io.vodkit.client.internal.upload;

/**
 * A part the gateway accepted.
 *
 * @param partNumber        1-based part number
 * @param crc32             the part's CRC-32, 8 lowercase hex digits (goes into the merge body)
 * @param objectContentType {@code payload.meta.ObjectContentType} of the reply ({@code ""} if absent)
 */
public record PartReceipt(int partNumber, String crc32, String objectContentType) {}
