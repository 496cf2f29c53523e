package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.ApiError;
import io.vodkit.emulator.internal.db.SpaceRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** The known spaces, and how a space maps to its bucket and StoreUris. */
public final class Spaces {
    private static final String BUCKET_PREFIX = "tos-vod-local-";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SpaceRepository repository;
    private final Clock clock;

    public Spaces(SpaceRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException unless {@code name} is 1-64 letters, digits, '.', '_' or '-' */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("space name must be 1-64 letters, digits, '.', '_' or '-': " + name);
        }
        return name;
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
