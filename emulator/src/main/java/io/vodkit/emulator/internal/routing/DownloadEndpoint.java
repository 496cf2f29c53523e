package io.vodkit.emulator.internal.routing;

import io.javalin.http.Context;
import io.vodkit.emulator.internal.api.GatewayException;
import io.vodkit.emulator.internal.api.QueryString;
import io.vodkit.emulator.internal.db.ObjectRepository;
import io.vodkit.emulator.internal.db.StoredObject;
import io.vodkit.emulator.internal.security.TypeAUrlAuth;
import io.vodkit.emulator.internal.service.PlayDomain;
import io.vodkit.emulator.internal.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The play domain: {@code GET|HEAD /<FileName>?auth_key=…} serves the object with that FileName when the type-A
 * signature is valid (else 403), with single-range support (206/416), streamed from disk.
 */
public final class DownloadEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadEndpoint.class);
    private static final int BUFFER_BYTES = 64 * 1024;

    private final ObjectRepository objects;
    private final ObjectStore store;
    private final PlayDomain playDomain;
    private final Clock clock;

    public DownloadEndpoint(ObjectRepository objects, ObjectStore store, PlayDomain playDomain, Clock clock) {
        this.objects = objects;
        this.store = store;
        this.playDomain = playDomain;
        this.clock = clock;
    }

    public void get(Context ctx) throws IOException {
        serve(ctx, true);
    }

    public void head(Context ctx) throws IOException {
        serve(ctx, false);
    }

    private void serve(Context ctx, boolean withBody) throws IOException {
        String rawPath = ctx.req().getRequestURI();
        String fileName;
        String authKey;
        try {
            fileName = StorePath.decode(rawPath);
            authKey = QueryString.parse(ctx.req().getQueryString())
                    .first(PlayDomain.SIGN_NAME)
                    .orElse(null);
        } catch (GatewayException | IllegalArgumentException e) {
            plain(ctx, 400, "Bad Request");
            return;
        }
        Set<String> uris = new LinkedHashSet<>();
        uris.add(rawPath);
        uris.add("/" + fileName);
        TypeAUrlAuth.Verdict verdict = playDomain.urlAuth().verify(uris, authKey, clock.instant());
        if (verdict != TypeAUrlAuth.Verdict.VALID) {
            LOG.info("Download refused path={} verdict={}", rawPath, verdict);
            plain(ctx, 403, "Forbidden");
            return;
        }
        Optional<StoredObject> object = objects.findByFileName(fileName);
        if (object.isEmpty()) {
            plain(ctx, 404, "Not Found");
            return;
        }
        try (FileChannel channel = FileChannel.open(store.path(object.get().objectId()), StandardOpenOption.READ)) {
            send(ctx, object.get(), channel, withBody);
        } catch (NoSuchFileException e) {
            plain(ctx, 404, "Not Found");
        }
    }

    private static void send(Context ctx, StoredObject object, FileChannel channel, boolean withBody)
            throws IOException {
        long size = object.size();
        ByteRange range = ByteRange.parse(ctx.header("Range"), size);
        ctx.header("Accept-Ranges", "bytes");
        // the object's id (its SourceInfo FileId): new for every stored version, known without reading the bytes
        // (a multipart object's MD5 is only computed when asked for, see ObjectMd5s)
        ctx.header("ETag", "\"" + object.objectId() + "\"");
        if (!range.satisfiable()) {
            ctx.header("Content-Range", range.contentRange(size));
            plain(ctx, 416, "Range Not Satisfiable");
            return;
        }
        ctx.status(range.partial() ? 206 : 200);
        if (range.partial()) {
            ctx.header("Content-Range", range.contentRange(size));
        }
        ctx.res().setContentType(object.contentType());
        ctx.res().setContentLengthLong(range.length());
        if (!withBody) {
            return;
        }
        channel.position(range.start());
        InputStream in = Channels.newInputStream(channel);
        OutputStream out = ctx.res().getOutputStream();
        byte[] buffer = new byte[BUFFER_BYTES];
        long remaining = range.length();
        while (remaining > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("object " + object.objectId() + " is shorter than recorded");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
        out.flush();
    }

    private static void plain(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
    }
}
