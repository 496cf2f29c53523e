package io.vodkit.emulator.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The MD5 of stored objects, on demand. A multipart merge does not read the object it makes (its CRC comes from the
 * parts', see {@code PartStore#assemble}), so its MD5 — 1.75 s of CPU per GiB on the build machine, most of what
 * receiving a GiB would otherwise cost — is computed the first time a single media's SourceInfo is asked for
 * (GetMediaInfos, GetPlayInfo) and kept in the object's record; a listing (GetMediaList, the console) shows it once
 * known. CommitUploadInfo reports what is known at commit:
 * {@code ""} for a multipart upload, as the service's meta may complete after the commit (spec's {@code
 * GetMetaMode}, the UploadGetMetaComplete callback).
 */
public final class ObjectMd5s {
    private final ObjectRepository objects;
    private final ObjectStore store;

    public ObjectMd5s(ObjectRepository objects, ObjectStore store) {
        this.objects = objects;
        this.store = store;
    }

    /**
     * Puts the MD5 of the object named {@code fileName} into a stored SourceInfo whose {@code Md5} was not known at
     * commit: computed now (and recorded) when {@code compute}, else only when already known. One without an object
     * (deleted) keeps its {@code ""}.
     */
    public void fill(ObjectNode sourceInfo, String fileName, boolean compute) {
        if (!sourceInfo.path("Md5").asText("").isEmpty()) {
            return;
        }
        objects.findByFileName(fileName)
                .map(object -> compute ? of(object) : object.md5())
                .filter(md5 -> !md5.isEmpty())
                .ifPresent(md5 -> sourceInfo.put("Md5", md5));
    }

    /** The object's MD5, computed now (and recorded) when unknown. */
    public String of(StoredObject object) {
        if (!object.md5().isEmpty()) {
            return object.md5();
        }
        String md5;
        try {
            md5 = store.md5(object.objectId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read object " + object.objectId() + " for its MD5", e);
        }
        objects.recordMd5(object.objectId(), md5);
        return md5;
    }
}
