package io.vodkit.emulator.service;

import io.vodkit.emulator.api.ApiError;
import io.vodkit.emulator.db.SpaceRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** The known spaces, and how a space maps to its bucket and StoreUris. */
public final class Spaces {
    private static final String BUCKET_PREFIX = "tos-vod-local-";

    private final SpaceRepository repository;
    private final Clock clock;

    public Spaces(SpaceRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void register(Collection<String> names) {
        names.forEach(name -> repository.upsert(name, clock.instant()));
    }

    /** Returns {@code name} if the space is known, else throws SPACE_NOT_FOUND. */
    public String requireKnown(String name) {
        if (!repository.exists(name)) {
            throw ApiError.SPACE_NOT_FOUND.exception(name);
        }
        return name;
    }

    public List<String> all() {
        return repository.names();
    }

    /** {@code tos-vod-local-<space>/<FileName>}: dropping the first segment yields the FileName. */
    public static String storeUri(String spaceName, String fileName) {
        return BUCKET_PREFIX + spaceName + "/" + fileName;
    }

    /** The FileName inside a StoreUri (everything after the bucket segment). */
    public static String fileNameOf(String storeUri) {
        int slash = storeUri.indexOf('/');
        return slash < 0 ? storeUri : storeUri.substring(slash + 1);
    }
}
