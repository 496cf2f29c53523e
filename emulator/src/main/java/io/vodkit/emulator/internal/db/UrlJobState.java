package io.vodkit.emulator.internal.db;

import java.util.Locale;

/** The states of a URL pull job, spelled as QueryUploadTaskInfo reports them (current doc, spec §8.2). */
public enum UrlJobState {
    INITIAL,
    PROCESSING,
    SUCCESS,
    FAILED;

    /** The wire and database spelling: {@code initial}, {@code processing}, {@code success}, {@code failed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static UrlJobState fromWire(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
