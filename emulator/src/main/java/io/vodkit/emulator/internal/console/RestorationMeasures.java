package io.vodkit.emulator.internal.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.ComparisonJson;
import io.vodkit.emulator.media.FfmpegTools;
import io.vodkit.emulator.media.MediaException;
import io.vodkit.emulator.media.MediaProbe;
import io.vodkit.emulator.media.PictureMeasures;
import io.vodkit.emulator.media.PictureMeter;
import io.vodkit.emulator.media.ProbeResult;
import io.vodkit.emulator.media.SameContentScorer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The measures {@code vodkit compare} reports, taken on a finished restoration's source (BEFORE) and output (AFTER)
 * with the same meter and scorer: per side the no-reference measures with unit and which way is better, and, when
 * the two show the same content, PSNR and SSIM of AFTER against BEFORE. Measuring runs ffmpeg, so it is done once per
 * restoration, one restoration at a time, and kept as JSON under the data folder.
 */
final class RestorationMeasures {
    /** How long a request waits while another restoration is being measured. */
    private static final long WAIT_SECONDS = 120;

    private final Optional<FfmpegTools> tools;
    private final CommandRunner runner;
    private final Function<String, Optional<Path>> files;
    private final Path cacheDir;
    private final ReentrantLock measuring = new ReentrantLock();

    /**
     * @param tools empty when ffmpeg is not available: measuring is then refused with a clear error
     * @param files the stored file of a file name (FileName of the object store), if it is still there
     * @param cacheDir where measures are kept, one JSON file per restoration
     */
    RestorationMeasures(
            Optional<FfmpegTools> tools, CommandRunner runner, Function<String, Optional<Path>> files, Path cacheDir) {
        this.tools = tools;
        this.runner = runner;
        this.files = files;
        this.cacheDir = cacheDir;
    }

    /**
     * The measures of {@code before} (the source) against {@code after} (the output) of restoration {@code runId};
     * 410 once either file is gone (deleted media), and its kept measures are dropped then.
     */
    ObjectNode of(String runId, String beforeFileName, String afterFileName) throws IOException {
        Path cached = kept(cacheDir, runId);
        Path before;
        Path after;
        try {
            before = file(beforeFileName, "source");
            after = file(afterFileName, "output");
        } catch (ConsoleException gone) {
            Files.deleteIfExists(cached);
            throw gone;
        }
        Optional<ObjectNode> kept = read(cached);
        if (kept.isPresent()) {
            return kept.get();
        }
        FfmpegTools ffmpeg = tools.orElseThrow(
                () -> new ConsoleException(
                        503,
                        "ffmpeg is not available to the "
                                + "emulator, so it cannot measure restorations: install ffmpeg or set VODKIT_FFMPEG, then restart"));
        try {
            if (!measuring.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ConsoleException(503, "the emulator is busy measuring another restoration; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsoleException(503, "interrupted while waiting to measure");
        }
        try {
            kept = read(cached);
            if (kept.isPresent()) {
                return kept.get();
            }
            ObjectNode measures = measure(ffmpeg, before, after);
            Files.createDirectories(cacheDir);
            Path temp = Files.createTempFile(cacheDir, "measuring", ".tmp");
            Files.write(temp, Json.bytes(measures));
            Files.move(temp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return measures;
        } catch (MediaException e) {
            throw new ConsoleException(500, "measuring the restoration failed: " + e.firstLine());
        } finally {
            measuring.unlock();
        }
    }

    /** Where the measures of {@code runId} are kept: its id in hex, as run ids hold characters like {@code :}. */
    static Path kept(Path cacheDir, String runId) {
        return cacheDir.resolve(HexFormat.of().formatHex(runId.getBytes(StandardCharsets.UTF_8)) + ".json");
    }

    private ObjectNode measure(FfmpegTools ffmpeg, Path before, Path after) throws MediaException {
        MediaProbe probe = new MediaProbe(ffmpeg, runner);
        PictureMeter meter = new PictureMeter(ffmpeg, runner);
        ProbeResult b = video(probe.probe(before), "BEFORE");
        ProbeResult a = video(probe.probe(after), "AFTER");
        PictureMeasures bm = meter.measure(before, b);
        PictureMeasures am = meter.measure(after, a);
        SameContentScorer.Result score = new SameContentScorer(ffmpeg, runner)
                .score(
                        new SameContentScorer.Input("AFTER", after, a),
                        new SameContentScorer.Input("BEFORE", before, b));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("before", side(b, bm));
        json.put("after", side(a, am));
        json.put("changes", ComparisonJson.changes(bm, am));
        json.put("comparable", score.comparable());
        if (score.comparable()) {
            if (b.video().width() != a.video().width()
                    || b.video().height() != a.video().height()) {
                json.put("scaled", "AFTER " + size(a) + " scaled to BEFORE's " + size(b));
            }
            json.put("after_vs_before", ComparisonJson.scores(score.score()));
        } else {
            json.put("reason", score.reason());
        }
        return (ObjectNode) Json.tree(json);
    }

    private static ProbeResult video(ProbeResult info, String role) throws MediaException {
        if (!info.hasVideo() || info.video().width() <= 0 || info.video().height() <= 0) {
            throw new MediaException(role + " has no video stream of known size");
        }
        return info;
    }

    private static Map<String, Object> side(ProbeResult info, PictureMeasures measures) {
        Map<String, Object> json = ComparisonJson.stream(info);
        json.put("measures", ComparisonJson.measures(measures));
        return json;
    }

    private Path file(String fileName, String what) {
        return Optional.ofNullable(fileName)
                .filter(n -> !n.isEmpty())
                .flatMap(files)
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new ConsoleException(410, "the restoration's " + what + " file is gone"));
    }

    private static Optional<ObjectNode> read(Path cached) throws IOException {
        if (!Files.isRegularFile(cached)) {
            return Optional.empty();
        }
        try {
            JsonNode node = Json.parse(Files.readAllBytes(cached));
            return node.isObject() ? Optional.of((ObjectNode) node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String size(ProbeResult info) {
        return info.video().width() + "x" + info.video().height();
    }
}
