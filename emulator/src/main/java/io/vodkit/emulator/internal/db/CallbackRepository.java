package io.vodkit.emulator.internal.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code callback_subscriptions}: one row a space, written by AddCallbackSubscription (the URL) and
 * SetCallbackEvent (the events and the signing key), each leaving the other's columns as they are.
 */
public final class CallbackRepository {
    private final Database database;

    public CallbackRepository(Database database) {
        this.database = database;
    }

    public Optional<CallbackSubscription> find(String space) {
        return database.first(
                "SELECT space_name, url, content_type, events, auth_enabled, private_key "
                        + "FROM callback_subscriptions WHERE space_name = ?",
                CallbackRepository::read,
                space);
    }

    /** Sets the space's URL and content type (replacing an earlier subscription). */
    public void subscribe(String space, String url, String contentType, Instant now) {
        database.update(
                "INSERT INTO callback_subscriptions "
                        + "(space_name, url, content_type, events, auth_enabled, private_key, updated_at) "
                        + "VALUES (?, ?, ?, NULL, 0, '', ?) ON CONFLICT (space_name) DO UPDATE SET "
                        + "url = excluded.url, content_type = excluded.content_type, updated_at = excluded.updated_at",
                space,
                url,
                contentType,
                now.toEpochMilli());
    }

    /** Sets the space's events and signing (replacing earlier ones); the URL stays as it is. */
    public void chooseEvents(
            String space,
            List<String> events,
            boolean authEnabled,
            String privateKey,
            String defaultContentType,
            Instant now) {
        database.update(
                "INSERT INTO callback_subscriptions "
                        + "(space_name, url, content_type, events, auth_enabled, private_key, updated_at) "
                        + "VALUES (?, '', ?, ?, ?, ?, ?) ON CONFLICT (space_name) DO UPDATE SET "
                        + "events = excluded.events, auth_enabled = excluded.auth_enabled, "
                        + "private_key = excluded.private_key, updated_at = excluded.updated_at",
                space,
                defaultContentType,
                String.join(",", events),
                authEnabled ? 1 : 0,
                privateKey,
                now.toEpochMilli());
    }

    private static CallbackSubscription read(ResultSet row) throws SQLException {
        String events = row.getString("events");
        return new CallbackSubscription(
                row.getString("space_name"),
                row.getString("url"),
                row.getString("content_type"),
                Optional.ofNullable(events).map(e -> List.of(e.split(","))),
                row.getInt("auth_enabled") == 1,
                row.getString("private_key"));
    }
}
