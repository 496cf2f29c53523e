package io.vodkit.emulator.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vodkit.emulator.Disk;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.SpaceRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.db.UploadSessionRepository;
import io.vodkit.emulator.internal.storage.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output made from a source is stored and recorded only while its source is: no bytes outlive deleted media. */
class ObjectPublisherTest {
    @TempDir
    Path dir;

    private Database database;
    private ObjectRepository objects;
    private ObjectStore store;
    private ObjectPublisher publisher;
    private final Ids ids = new Ids(new SecureRandom(), Clock.systemUTC());

    @BeforeEach
    void open() throws IOException {
        database = Database.open(dir.resolve("vodkit.db"));
        new SpaceRepository(database).upsert("demo", Instant.now());
        objects = new ObjectRepository(database);
        store = new ObjectStore(dir.resolve("objects"), Disk.LOCAL);
        publisher = new ObjectPublisher(objects, store, Clock.systemUTC(), new UploadSessionRepository(database));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private StoredObject put(String fileName, String text) throws IOException {
        Path file = Files.writeString(dir.resolve("in-" + ids.objectId()), text);
        String objectId = ids.objectId();
        return publisher.publish(
                "demo", Spaces.storeUri("demo", fileName), objectId, store.concatenate(objectId, List.of(file)), "x");
    }

    private Optional<StoredObject> publishFrom(StoredObject source, List<String> recorded) throws IOException {
        Path file = Files.writeString(dir.resolve("out-" + ids.objectId()), "restored");
        String objectId = ids.objectId();
        return publisher.publishFrom(
                source,
                Spaces.storeUri("demo", "enhance/out.mp4"),
                objectId,
                store.concatenate(objectId, List.of(file)),
                "video/mp4",
                output -> recorded.add(output.fileName()));
    }

    @Test
    void anOutputOfAStoredSourceIsStoredAndRecorded() throws IOException {
        StoredObject source = put("in.mp4", "source");
        List<String> recorded = new ArrayList<>();

        Optional<StoredObject> output = publishFrom(source, recorded);

        assertThat(output).map(StoredObject::fileName).contains("enhance/out.mp4");
        assertThat(recorded).containsExactly("enhance/out.mp4");
        assertThat(objectFiles()).hasSize(2);
    }

    @Test
    void anOutputOfARemovedSourceIsDiscardedAndNotRecorded() throws IOException {
        StoredObject source = put("in.mp4", "source");
        publisher.whileSourceHeld(source.fileName(), () -> publisher.remove(source.fileName()));
        List<String> recorded = new ArrayList<>();

        assertThat(publishFrom(source, recorded)).isEmpty();

        assertThat(recorded).isEmpty();
        assertThat(objects.findByFileName("enhance/out.mp4")).isEmpty();
        assertThat(objectFiles()).isEmpty();
    }

    @Test
    void anOutputOfAReplacedSourceIsDiscarded() throws IOException {
        StoredObject source = put("in.mp4", "source");
        put("in.mp4", "another upload at the same FileName");

        assertThat(publishFrom(source, new ArrayList<>())).isEmpty();
        assertThat(objectFiles()).hasSize(1);
    }

    @Test
    void anOutputThatCannotBeRecordedIsRemovedAgain() throws IOException {
        StoredObject source = put("in.mp4", "source");
        Path file = Files.writeString(dir.resolve("out"), "restored");
        String objectId = ids.objectId();

        assertThatThrownBy(() -> publisher.publishFrom(
                        source,
                        Spaces.storeUri("demo", "enhance/out.mp4"),
                        objectId,
                        store.concatenate(objectId, List.of(file)),
                        "video/mp4",
                        output -> {
                            throw new IllegalStateException("the database is gone");
                        }))
                .hasMessage("the database is gone");
        assertThat(objects.findByFileName("enhance/out.mp4")).isEmpty();
        assertThat(objectFiles()).hasSize(1);
    }

    private List<Path> objectFiles() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("objects"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
