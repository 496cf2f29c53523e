package io.vodkit.emulator.internal.db;

/** A received part of a multipart upload; {@code contentType} is what its first bytes look like. */
public record MultipartPart(String uploadId, int partNumber, long size, String crc32, String contentType) {}
