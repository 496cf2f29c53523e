package io.vodkit.cli.ledger;

import java.time.Instant;

/**
 * One local file uploaded to a space of a service, as the file was when it went up.
 *
 * @param endpoint    which service: see {@code Backend.ledgerEndpoint} (the cloud's URL, or the local emulator's data
 *                    folder)
 * @param path        the absolute file path
 * @param mtimeMillis the file's last-modified time
 * @param md5         hex MD5 of the file's bytes, {@code ""} while not known (see {@link ReportedMd5s})
 * @param uploadedAt  when the bytes went up (a file found by its content keeps the time of the upload it matched)
 */
public record UploadEntry(
        String endpoint,
        String spaceName,
        String path,
        long size,
        long mtimeMillis,
        String md5,
        String vid,
        String fileName,
        String storeUri,
        String posterUri,
        Instant uploadedAt) {}
