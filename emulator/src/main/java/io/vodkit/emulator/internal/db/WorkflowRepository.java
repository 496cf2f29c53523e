package io.vodkit.emulator.internal.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tables {@code workflow_templates}, {@code workflow_runs} (StartWorkflow runs not finished yet) and
 * {@code transcodes} (what the runs produced).
 */
public final class WorkflowRepository {
    /** One output: its FileName and its {@code TranscodeInfo} JSON. */
    public record Transcode(String templateId, String fileName, String infoJson) {}

    /**
     * A run asked for and not finished: template {@code templateId} on the source of {@code vid}, and the
     * CallbackArgs its WorkflowComplete carries.
     */
    public record Run(String vid, String templateId, String spaceName, String sourceFileName, String callbackArgs) {}

    private final Database database;

    public WorkflowRepository(Database database) {
        this.database = database;
    }

    /** Creates or replaces a template. */
    public void defineTemplate(String templateId, String spec) {
        database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT OR REPLACE INTO workflow_templates (template_id, spec) VALUES (?, ?)")) {
                ps.setString(1, templateId);
                ps.setString(2, spec);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<String> templateSpec(String templateId) {
        return database.run(c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT spec FROM workflow_templates WHERE template_id = ?")) {
                ps.setString(1, templateId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void addTranscode(String vid, Transcode transcode) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO transcodes " + "(vid, template_id, file_name, info) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, vid);
                ps.setString(2, transcode.templateId());
                ps.setString(3, transcode.fileName());
                ps.setString(4, transcode.infoJson());
                return ps.executeUpdate();
            }
        });
    }

    public List<Transcode> transcodes(String vid) {
        return database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT template_id, file_name, info FROM transcodes WHERE vid = ? ORDER BY template_id")) {
                ps.setString(1, vid);
                List<Transcode> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Transcode(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    /** Forgets the outputs of {@code vid} (their objects are removed by the caller). */
    public void deleteTranscodes(String vid) {
        database.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM transcodes WHERE vid = ?")) {
                ps.setString(1, vid);
                return ps.executeUpdate();
            }
        });
    }

    /** Notes a run until {@link #finished}; asking again for the same Vid and template keeps one. */
    public void addRun(Run run) {
        database.update(
                "INSERT OR IGNORE INTO workflow_runs "
                        + "(vid, template_id, space_name, source_file_name, callback_args, seq) "
                        + "VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM workflow_runs))",
                run.vid(),
                run.templateId(),
                run.spaceName(),
                run.sourceFileName(),
                run.callbackArgs());
    }

    /** The runs not finished, in the order they were asked for. */
    public List<Run> unfinishedRuns() {
        return database.list(
                "SELECT vid, template_id, space_name, source_file_name, callback_args FROM workflow_runs ORDER BY seq",
                rs -> new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** Forgets a run that ended (done, failed, or its media deleted). */
    public void finished(Run run) {
        database.update("DELETE FROM workflow_runs WHERE vid = ? AND template_id = ?", run.vid(), run.templateId());
    }
}
