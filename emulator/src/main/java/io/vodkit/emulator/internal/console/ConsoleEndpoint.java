package io.vodkit.emulator.internal.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.vodkit.emulator.internal.api.ApiException;
import io.vodkit.emulator.internal.api.Json;
import io.vodkit.emulator.internal.jobs.ExecutionService;
import io.vodkit.emulator.internal.jobs.StartExecutionRequest;
import io.vodkit.emulator.internal.pull.UrlPulls;
import io.vodkit.emulator.internal.service.CommitFunctions;
import io.vodkit.emulator.internal.service.Ids;
import io.vodkit.emulator.internal.service.MediaCommitter;
import io.vodkit.emulator.internal.service.MediaLibrary;
import io.vodkit.emulator.internal.service.PlayDomain;
import io.vodkit.emulator.internal.service.Spaces;
import io.vodkit.emulator.internal.service.UploadSessions;
import io.vodkit.emulator.media.CommandRunner;
import io.vodkit.emulator.media.FfmpegTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web console on {@code /console/}: its pages (HTML, CSS and JavaScript from the jar) and its JSON API under
 * {@code /console/api/}, every request refused with 401 unless it carries the per-start {@link ConsoleToken}.
 * Uploads use the gateway itself: {@code POST /console/api/uploads} grants what ApplyUploadInfo grants, the browser
 * PUTs the bytes to the gateway, {@code POST /console/api/uploads/commit} commits as CommitUploadInfo does.
 */
public final class ConsoleEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEndpoint.class);
    public static final String PATH = "/console";
    private static final String API = PATH + "/api";
    private static final String RESOURCES = "/io/vodkit/emulator/console/";
    private static final Map<String, String> PAGES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Where the console's routes go: the listener adds each behind its own request gate. */
    @FunctionalInterface
    public interface Routes {
        void add(HandlerType method, String path, Handler handler);
    }

    private final ConsoleToken token;
    private final ConsoleStore store;
    private final MediaLibrary library;
    private final Spaces spaces;
    private final UploadSessions uploads;
    private final MediaCommitter committer;
    private final UrlPulls pulls;
    private final ExecutionService executions;
    private final PlayDomain playDomain;
    private final Ids ids;
    private final Clock clock;
    private final RestorationMeasures measures;

    /**
     * @param tools empty when ffmpeg is not available (restorations cannot then be measured)
     * @param files the stored file of a file name, if it is still there
     * @param measuresDir where each restoration's measures are kept once taken
     */
    public ConsoleEndpoint(
            ConsoleToken token,
            ConsoleStore store,
            MediaLibrary library,
            Spaces spaces,
            UploadSessions uploads,
            MediaCommitter committer,
            UrlPulls pulls,
            ExecutionService executions,
            PlayDomain playDomain,
            Ids ids,
            Clock clock,
            Optional<FfmpegTools> tools,
            CommandRunner runner,
            Function<String, Optional<Path>> files,
            Path measuresDir) {
        this.token = token;
        this.store = store;
        this.library = library;
        this.spaces = spaces;
        this.uploads = uploads;
        this.committer = committer;
        this.pulls = pulls;
        this.executions = executions;
        this.playDomain = playDomain;
        this.ids = ids;
        this.clock = clock;
        this.measures = new RestorationMeasures(tools, runner, files, measuresDir);
    }

    public void routes(Routes routes) {
        routes.add(HandlerType.GET, PATH + "/", guarded(ctx -> page(ctx, "index.html")));
        routes.add(HandlerType.GET, PATH + "/{page}", guarded(ctx -> page(ctx, ctx.pathParam("page"))));
        routes.add(HandlerType.GET, API + "/spaces", api(ctx -> Map.of("spaces", spaces.all())));
        routes.add(HandlerType.GET, API + "/media", api(this::listMedia));
        routes.add(HandlerType.GET, API + "/media/{vid}", api(ctx -> mediaPage(ctx.pathParam("vid"))));
        routes.add(HandlerType.PATCH, API + "/media/{vid}", api(this::updateMedia));
        routes.add(HandlerType.DELETE, API + "/media/{vid}", api(this::deleteMedia));
        routes.add(HandlerType.POST, API + "/uploads", api(this::applyUpload));
        routes.add(HandlerType.POST, API + "/uploads/commit", api(this::commitUpload));
        routes.add(HandlerType.POST, API + "/pulls", api(this::startPull));
        routes.add(HandlerType.GET, API + "/jobs", api(ctx -> jobs()));
        routes.add(HandlerType.POST, API + "/restorations", api(this::startRestoration));
        routes.add(HandlerType.GET, API + "/restorations/{runId}", api(ctx -> restoration(ctx.pathParam("runId"))));
        routes.add(
                HandlerType.GET, API + "/restorations/{runId}/measures", api(ctx -> measures(ctx.pathParam("runId"))));
    }

    private Handler guarded(Handler handler) {
        return ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
            if (!token.admits(ctx)) {
                ctx.status(401)
                        .contentType("text/plain; charset=utf-8")
                        .result("The vodkit console needs the "
                                + "address `vodkit console` prints (it carries this emulator's token).\n");
                return;
            }
            handler.handle(ctx);
        };
    }

    private interface ApiCall {
        Object answer(Context ctx) throws IOException;
    }

    /** A JSON endpoint: the answer as JSON, or {@code {"error": …}} with 400, 404 or 500. */
    private Handler api(ApiCall call) {
        return guarded(ctx -> {
            if (!ctx.method().equals(HandlerType.GET)
                    && !Optional.ofNullable(ctx.contentType()).orElse("").startsWith("application/json")
                    && !ctx.method().equals(HandlerType.DELETE)) {
                // a cross-site form cannot send JSON without a preflight: this and SameSite=Strict stop forged writes
                error(ctx, 415, "send application/json");
                return;
            }
            try {
                ctx.status(200).contentType("application/json; charset=utf-8").result(Json.bytes(call.answer(ctx)));
            } catch (ConsoleException e) {
                error(ctx, e.status, e.getMessage());
            } catch (ApiException e) {
                error(ctx, e.error().httpStatus() >= 500 ? 500 : 400, e.getMessage());
            } catch (IllegalArgumentException e) {
                error(ctx, 400, e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.error("Console request failed method={} path={}", ctx.method(), ctx.path(), e);
                error(ctx, 500, "the emulator failed: " + e.getMessage());
            }
        });
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status)
                .contentType("application/json; charset=utf-8")
                .result(Json.bytes(Map.of("error", message == null ? "failed" : message)));
    }

    private void page(Context ctx, String name) throws IOException {
        String type = PAGES.get(name);
        InputStream in = type == null ? null : ConsoleEndpoint.class.getResourceAsStream(RESOURCES + name);
        if (in == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("Not Found");
            return;
        }
        try (in) {
            String play = playDomain.origin();
            ctx.header(
                    "Content-Security-Policy",
                    "default-src 'self'; media-src 'self' " + play + "; img-src 'self' " + play
                            + " data:; connect-src 'self'; frame-ancestors 'none'");
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private Object listMedia(Context ctx) {
        String space = Optional.ofNullable(ctx.queryParam("space")).orElse("");
        String text =
                Optional.ofNullable(ctx.queryParam("q")).orElse("").strip().toLowerCase(Locale.ROOT);
        String status = Optional.ofNullable(ctx.queryParam("status")).orElse("");
        Instant now = clock.instant();
        List<ConsoleStore.Restoration> restorations = store.restorations();
        ArrayNode media = NODES.arrayNode();
        store.media().stream()
                .filter(m -> space.isEmpty() || m.space().equals(space))
                .filter(m -> text.isEmpty()
                        || m.title().toLowerCase(Locale.ROOT).contains(text)
                        || m.fileName().toLowerCase(Locale.ROOT).contains(text))
                .filter(m -> status.isEmpty() || m.status().equalsIgnoreCase(status))
                .forEach(m -> media.add(card(m, now, restorations)));
        return Map.of("media", media);
    }

    private ObjectNode card(ConsoleStore.Media m, Instant now, List<ConsoleStore.Restoration> restorations) {
        ObjectNode card = NODES.objectNode();
        card.put("vid", m.vid());
        card.put("space", m.space());
        card.put("title", m.title());
        card.put("fileName", m.fileName());
        JsonNode source = m.sourceInfo();
        putNumber(card, "durationSeconds", source.get("Duration"));
        putNumber(card, "width", source.get("Width"));
        putNumber(card, "height", source.get("Height"));
        putNumber(card, "sizeBytes", source.get("Size"));
        card.put("format", source.path("Format").asText(""));
        card.put("createdAt", m.createdAt().toString());
        card.put("status", m.status());
        card.put(
                "restorations",
                restorations.stream().filter(r -> r.vid().equals(m.vid())).count());
        card.put("posterUrl", m.posterUri().isEmpty() ? "" : signed(Spaces.fileNameOf(m.posterUri()), now));
        return card;
    }

    private static void putNumber(ObjectNode node, String name, JsonNode value) {
        if (value != null && value.isNumber()) {
            node.set(name, value);
        }
    }

    private String signed(String fileName, Instant now) {
        return playDomain.signedUrl(fileName, now, ids.urlAuthRand(), false);
    }

    private ObjectNode mediaPage(String vid) {
        ConsoleStore.Media m = store.media(vid).orElseThrow(() -> new ConsoleException(404, "no media " + vid));
        Instant now = clock.instant();
        List<ConsoleStore.Restoration> restorations = store.restorations();
        ObjectNode page = card(m, now, restorations);
        page.put("description", m.description());
        m.tags().forEach(page.putArray("tags")::add);
        page.put("source", "vid://" + m.vid());
        page.put("playUrl", signed(m.fileName(), now));
        page.put("urlValidSeconds", PlayDomain.URL_VALIDITY.toSeconds());
        ArrayNode outputs = page.putArray("restorations");
        restorations.stream().filter(r -> r.vid().equals(vid)).forEach(r -> outputs.add(restorationNode(r, now)));
        return page;
    }

    private ObjectNode updateMedia(Context ctx) {
        String vid = ctx.pathParam("vid");
        JsonNode body = body(ctx);
        String title = text(body, "title", 128);
        String description = text(body, "description", 1024);
        String tags = text(body, "tags", 1024);
        if (store.media(vid).isEmpty()) {
            throw new ConsoleException(404, "no media " + vid);
        }
        // what UpdateMediaInfo does with the same three fields
        library.update(
                vid,
                new MediaLibrary.Update(
                        Optional.of(title),
                        Optional.of(description),
                        Optional.of(tags),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        return mediaPage(vid);
    }

    private Object deleteMedia(Context ctx) throws IOException {
        String vid = ctx.pathParam("vid");
        // what DeleteMedia does: the record, its file, poster and restoration outputs
        if (!library.delete(List.of(vid)).isEmpty()) {
            throw new ConsoleException(404, "no media " + vid);
        }
        return Map.of("deleted", vid);
    }

    private Object applyUpload(Context ctx) {
        JsonNode body = body(ctx);
        String space = space(body);
        String fileName = optional(body, "fileName");
        String extension = optional(body, "fileExtension");
        UploadSessions.UploadGrant grant = uploads.apply(
                new UploadSessions.ApplyRequest(space, fileName, extension, optional(body, "sessionKey"), 0));
        // the gateway listens where the console is served: the browser PUTs to its own origin
        return Map.of(
                "sessionKey",
                grant.sessionKey(),
                "storeUri",
                grant.storeUri(),
                "auth",
                grant.auth(),
                "path",
                "/" + grant.storeUri());
    }

    private Object commitUpload(Context ctx) throws IOException {
        JsonNode body = body(ctx);
        ArrayNode functions = NODES.arrayNode();
        functions.addObject().put("Name", "GetMeta");
        functions.addObject().put("Name", "Snapshot").putObject("Input").put("SnapshotTime", 0);
        String title = Optional.ofNullable(optional(body, "title")).orElse("");
        if (!title.isBlank()) {
            functions
                    .addObject()
                    .put("Name", "AddOptionInfo")
                    .putObject("Input")
                    .put("Title", title);
        }
        MediaCommitter.CommittedMedia committed = committer.commit(new MediaCommitter.CommitRequest(
                required(body, "space"), required(body, "sessionKey"), CommitFunctions.parse(functions), null));
        return mediaPage(committed.vid());
    }

    private Object startPull(Context ctx) {
        JsonNode body = body(ctx);
        String url = required(body, "url");
        String title = Optional.ofNullable(optional(body, "title")).orElse("");
        ObjectNode options = NODES.objectNode();
        if (!title.isBlank()) {
            options.put("Title", title);
        }
        var jobs = pulls.submit(
                space(body),
                List.of(new UrlPulls.Submission(
                        url,
                        optional(body, "fileName"),
                        optional(body, "fileExtension"),
                        null,
                        null,
                        options,
                        0,
                        null)));
        return Map.of("jobId", jobs.get(0).jobId());
    }

    private Object jobs() {
        Instant now = clock.instant();
        ArrayNode pullNodes = NODES.arrayNode();
        for (ConsoleStore.Pull p : store.pulls()) {
            ObjectNode node = pullNodes.addObject();
            node.put("jobId", p.jobId());
            node.put("kind", "url-pull");
            node.put("space", p.space());
            node.put("sourceUrl", p.sourceUrl());
            node.put("state", p.state());
            node.put("vid", p.vid());
            node.put("error", p.failure());
            node.put("createdAt", p.created().toString());
            node.put("updatedAt", p.updated().toString());
            node.put(
                    "seconds",
                    seconds(
                            p.created(),
                            p.state().equals("success") || p.state().equals("failed") ? p.updated() : now));
        }
        ArrayNode restorationNodes = NODES.arrayNode();
        store.restorations().forEach(r -> restorationNodes.add(restorationNode(r, now)));
        return Map.of("pulls", pullNodes, "restorations", restorationNodes);
    }

    private ObjectNode restoration(String runId) {
        Instant now = clock.instant();
        ConsoleStore.Restoration r = store.restorations().stream()
                .filter(x -> x.runId().equals(runId))
                .findFirst()
                .orElseThrow(() -> new ConsoleException(404, "no restoration " + runId));
        ObjectNode node = restorationNode(r, now);
        node.put("beforeUrl", signed(r.sourceFileName(), now));
        store.media(r.vid()).ifPresent(m -> node.put("title", m.title()));
        return node;
    }

    /** What {@code vodkit compare} reports on BEFORE and AFTER (taken once, then kept) and the job's own report. */
    private ObjectNode measures(String runId) throws IOException {
        ConsoleStore.Restoration r = store.restorations().stream()
                .filter(x -> x.runId().equals(runId))
                .findFirst()
                .orElseThrow(() -> new ConsoleException(404, "no restoration " + runId));
        if (!r.status().equals("Success") || r.output() == null) {
            throw new ConsoleException(
                    409, "restoration " + runId + " is " + r.status() + ": it is measured once it has succeeded");
        }
        String output = Spaces.fileNameOf(
                r.output().path("Task").path("Enhance").path("StoreUri").asText(""));
        ObjectNode node = measures.of(runId, r.sourceFileName(), output).deepCopy();
        node.put("runId", runId);
        node.set("report", report(r.report()));
        return node;
    }

    /** The restoration's report as {@code vodkit jobs} shows it: what it did, found and left, or why it left all. */
    private static ObjectNode report(JsonNode report) {
        ObjectNode node = NODES.objectNode();
        ArrayNode done = node.putArray("done");
        ArrayNode notes = node.putArray("foundNotRepaired");
        if (report == null) {
            return node;
        }
        report.path("steps")
                .forEach(step -> done.addObject()
                        .put("step", step.path("name").asText())
                        .put("reason", step.path("reason").asText()));
        report.path("notes").forEach(note -> notes.add(note.asText()));
        if (report.hasNonNull("leftAsIs")) {
            node.put("leftAsIs", report.path("leftAsIs").asText());
        }
        if (report.hasNonNull("rate")) {
            node.put("rate", report.path("rate").asText());
        }
        putNumber(node, "sizeRatio", report.get("sizeRatio"));
        putNumber(node, "elapsedSeconds", report.get("elapsedSeconds"));
        return node;
    }

    private ObjectNode restorationNode(ConsoleStore.Restoration r, Instant now) {
        ObjectNode node = NODES.objectNode();
        node.put("runId", r.runId());
        node.put("kind", "restoration");
        node.put("space", r.space());
        node.put("vid", r.vid());
        node.put("status", r.status());
        node.put("template", r.config());
        node.put("tier", r.repairStyle() == 2 ? "pro" : "standard");
        if (r.targetHeight() != null) {
            node.put("targetHeight", r.targetHeight());
        }
        node.put("bitDepth", r.bitDepth());
        node.put("createdAt", r.created().toString());
        if (r.started() != null) {
            node.put("startedAt", r.started().toString());
        }
        if (r.ended() != null) {
            node.put("endedAt", r.ended().toString());
        }
        node.put(
                "seconds",
                seconds(r.started() == null ? r.created() : r.started(), r.ended() == null ? now : r.ended()));
        node.put("error", r.status().equals("Failed") ? r.message() + " (" + r.code() + ")" : "");
        if (r.output() != null) {
            JsonNode enhance = r.output().path("Task").path("Enhance");
            String fileName = Spaces.fileNameOf(enhance.path("StoreUri").asText(""));
            node.put("outputFileName", fileName);
            node.put("outputUrl", signed(fileName, now));
            node.set("outputVideo", enhance.path("VideoStreamMeta"));
        }
        return node;
    }

    private Object startRestoration(Context ctx) {
        JsonNode body = body(ctx);
        String vid = required(body, "vid");
        String space = store.media(vid)
                .orElseThrow(() -> new ConsoleException(404, "no media " + vid))
                .space();
        String tier = Optional.ofNullable(optional(body, "tier")).orElse("standard");
        if (!tier.equals("standard") && !tier.equals("pro")) {
            throw new ConsoleException(400, "tier must be standard or pro, got " + tier);
        }
        ObjectNode moe = NODES.objectNode();
        moe.put("Config", Optional.ofNullable(optional(body, "template")).orElse("common"));
        moe.putObject("VideoStrategy").put("RepairStyle", tier.equals("pro") ? 2 : 1);
        String res = optional(body, "res");
        if (res != null && !res.isBlank()) {
            moe.putObject("Target").put("Res", res);
        }
        ObjectNode input =
                NODES.objectNode().put("Type", StartExecutionRequest.VID).put("Vid", vid);
        ObjectNode operation = NODES.objectNode().put("Type", "Task");
        operation
                .putObject("Task")
                .put("Type", "Enhance")
                .putObject("Enhance")
                .put("Type", "Moe")
                .set("MoeEnhance", moe);
        String runId = executions.start(StartExecutionRequest.parse(input, operation, null, space));
        return Map.of("runId", runId);
    }

    /** The space to upload to, created when new (as CreateSpace would). */
    private String space(JsonNode body) {
        String space = Spaces.checkName(required(body, "space"));
        spaces.register(List.of(space));
        return space;
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis()) / 1000.0;
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = Json.parse(ctx.bodyAsBytes());
            if (!body.isObject()) {
                throw new ConsoleException(400, "the body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ConsoleException(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String required(JsonNode body, String name) {
        String value = optional(body, name);
        if (value == null || value.isBlank()) {
            throw new ConsoleException(400, name + " is required");
        }
        return value;
    }

    private static String optional(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String text(JsonNode body, String name, int maxLength) {
        String value = Optional.ofNullable(optional(body, name)).orElse("");
        if (value.length() > maxLength) {
            throw new ConsoleException(400, name + " must be at most " + maxLength + " characters");
        }
        return value;
    }
}
