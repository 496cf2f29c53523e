package io.vodkit.emulator.internal.db;

import java.time.Instant;

/**
 * One UploadMediaByUrl job (spec §8). {@code functionsJson} is the CommitUploadInfo {@code Functions} array to commit with and
 * {@code sourceInfoJson} the SourceInfo of the committed media ({@code "{}"} until then); {@code vid},
 * {@code posterUri} and {@code failure} are {@code ""} until set.
 *
 * @param expectedMd5   the URLSet's {@code Md5} to verify, or {@code ""}
 * @param interruptions fetches of this job that a stop cut short
 */
public record UrlJob(
        String jobId,
        String requestId,
        String spaceName,
        String sourceUrl,
        String sessionKey,
        String expectedMd5,
        String functionsJson,
        String callbackArgs,
        UrlJobState state,
        int interruptions,
        String vid,
        String posterUri,
        String sourceInfoJson,
        String failure,
        Instant createdAt,
        Instant updatedAt) {}
