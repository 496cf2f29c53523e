package io.vodkit.emulator.internal.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.security.Hashes;
import io.vodkit.emulator.internal.storage.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;

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
    private static final int READ_BYTES = 1024 * 1024;

    private final ObjectRepository objects;
    private final ObjectStore store;

    public ObjectMd5s(ObjectRepository objects, ObjectStore store) {
        this.objects = objects;
        this.store = store;
    }

    /** The MD5 of the object named {@code fileName}, computed now when unknown; empty when there is no object. */
    public Optional<String> ofFileName(String fileName) {
        return objects.findByFileName(fileName).map(this::of);
    }

    /**
     * Puts the MD5 of the object named {@code fileName} into a stored SourceInfo whose {@code Md5} was not known at
     * commit; one without an object (deleted) keeps its {@code ""}.
     */
    public void fill(ObjectNode sourceInfo, String fileName) {
        if (sourceInfo.path("Md5").asText("").isEmpty()) {
            ofFileName(fileName).ifPresent(md5 -> sourceInfo.put("Md5", md5));
        }
    }

    /** As {@link #fill}, with an MD5 already known only: nothing is read. */
    public void fillKnown(ObjectNode sourceInfo, String fileName) {
        if (sourceInfo.path("Md5").asText("").isEmpty()) {
            objects.findByFileName(fileName)
                    .map(StoredObject::md5)
                    .filter(md5 -> !md5.isEmpty())
                    .ifPresent(md5 -> sourceInfo.put("Md5", md5));
        }
    }

    /** The object's MD5, computed now (and recorded) when unknown. */
    public String of(StoredObject object) {
        if (!object.md5().isEmpty()) {
            return object.md5();
        }
        MessageDigest md5 = Hashes.digest("MD5");
        ByteBuffer buffer = ByteBuffer.allocate(READ_BYTES);
        try (FileChannel in = FileChannel.open(store.path(object.objectId()), StandardOpenOption.READ)) {
            while (in.read(buffer.clear()) >= 0) {
                md5.update(buffer.array(), 0, buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read object " + object.objectId() + " for its MD5", e);
        }
        String hex = Hashes.hex(md5.digest());
        objects.recordMd5(object.objectId(), hex);
        return hex;
    }
}
