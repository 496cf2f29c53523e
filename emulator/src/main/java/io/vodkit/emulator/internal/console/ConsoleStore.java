package io.vodkit.emulator.internal.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.db.Database;
import io.vodkit.emulator.internal.service.MediaLibrary;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the console reads from the emulator's database for its views: every media of every space, restorations and
 * URL pulls, newest first. It writes nothing: edits and deletions go through {@link MediaLibrary}, as the OpenAPI
 * media-management actions do.
 */
public final class ConsoleStore {
    /** A committed media as the console lists it. */
    record Media(
            String vid,
            String space,
            String fileName,
            String posterUri,
            JsonNode sourceInfo,
            ObjectNode options,
            String status,
            Instant createdAt) {
        String title() {
            return options.path("Title").asText("");
        }

        String description() {
            return options.path("Description").asText("");
        }

        List<String> tags() {
            return MediaLibrary.splitTags(options.path("Tags").asText(""));
        }
    }

    /**
     * A restoration job; {@code vid} is empty for a DirectUrl input, {@code output} and {@code report} (the
     * restoration's own report, as GetExecution returns it) null until it succeeds.
     */
    record Restoration(
            String runId,
            String space,
            String vid,
            String sourceFileName,
            String status,
            String code,
            String message,
            String config,
            int repairStyle,
            Integer targetHeight,
            int bitDepth,
            JsonNode output,
            JsonNode report,
            Instant created,
            Instant started,
            Instant ended) {}

    /** A URL pull job. */
    record Pull(
            String jobId,
            String space,
            String sourceUrl,
            String state,
            String vid,
            String failure,
            Instant created,
            Instant updated) {}

    private static final String MEDIA_COLUMNS =
            "vid, space_name, file_name, poster_uri, source_info, options, publish_status, created_at";

    private final Database database;

    public ConsoleStore(Database database) {
        this.database = database;
    }

    /** Every media of every space, newest first. */
    List<Media> media() {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT " + MEDIA_COLUMNS + " FROM media ORDER BY created_at DESC, vid");
                    ResultSet rs = ps.executeQuery()) {
                List<Media> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(media(rs));
                }
                return out;
            }
        });
    }

    Optional<Media> media(String vid) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MEDIA_COLUMNS + " FROM media WHERE vid = ?")) {
                ps.setString(1, vid);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(media(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every restoration, newest first. */
    List<Restoration> restorations() {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, space_name, input, source_file_name, "
                            + "status, code, message, config, repair_style, target_height, bit_depth, output, create_time, "
                            + "start_time, end_time, report FROM executions ORDER BY create_time DESC, run_id");
                    ResultSet rs = ps.executeQuery()) {
                List<Restoration> out = new ArrayList<>();
                while (rs.next()) {
                    String output = rs.getString(12);
                    String report = rs.getString(16);
                    out.add(new Restoration(
                            rs.getString(1),
                            rs.getString(2),
                            parse(rs.getString(3)).path("Vid").asText(""),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getInt(9),
                            (Integer) rs.getObject(10),
                            rs.getInt(11),
                            output == null ? null : parse(output),
                            report == null ? null : parse(report),
                            instant(rs, 13),
                            instant(rs, 14),
                            instant(rs, 15)));
                }
                return out;
            }
        });
    }

    /** Every URL pull, newest first. */
    List<Pull> pulls() {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT job_id, space_name, source_url, state, vid, "
                            + "failure, created_at, updated_at FROM url_jobs ORDER BY created_at DESC, job_id");
                    ResultSet rs = ps.executeQuery()) {
                List<Pull> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Pull(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            instant(rs, 7),
                            instant(rs, 8)));
                }
                return out;
            }
        });
    }

    private static Media media(ResultSet rs) throws SQLException {
        JsonNode options = parse(rs.getString(6));
        return new Media(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                parse(rs.getString(5)),
                options.isObject() ? (ObjectNode) options : JsonNodeFactory.instance.objectNode(),
                rs.getString(7),
                Instant.ofEpochMilli(rs.getLong(8)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static JsonNode parse(String json) {
        try {
            return json == null || json.isEmpty() ? JsonNodeFactory.instance.objectNode() : Json.parse(json);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }
}
