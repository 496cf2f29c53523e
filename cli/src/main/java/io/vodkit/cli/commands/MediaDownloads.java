package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.ExitCodes;
import io.vodkit.cli.backend.Backend;
import io.vodkit.cli.output.ProgressDisplay;
import io.vodkit.client.api.MediaSource;
import io.vodkit.client.media.DownloadRequest;
import io.vodkit.client.media.DownloadResult;
import io.vodkit.client.media.MediaInfo;
import io.vodkit.client.media.MediaInfos;
import io.vodkit.client.pull.UrlPullRequest;
import io.vodkit.client.upload.UploadListener;
import io.vodkit.client.upload.UploadProgress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Downloads for {@code vodkit download} and {@code enhance --download}: a {@code vid://} (its original file), a
 * {@code directurl://} (a stored file, e.g. a restoration output) or an http(s) URL, to a path chosen and checked
 * before any request, with a progress bar on a terminal.
 */
final class MediaDownloads {
    private final CliContext context;
    private final Backend backend;

    MediaDownloads(CliContext context, Backend backend) {
        this.context = context;
        this.backend = backend;
    }

    /** Where a download of a file named {@code name} goes for {@code -o output} (null: the working directory). */
    static Path target(Path workingDir, String output, String name, boolean force) {
        Path target;
        if (output == null) {
            target = workingDir.resolve(name);
        } else {
            Path given = workingDir.resolve(output).normalize();
            if (Files.isDirectory(given)) {
                target = given.resolve(name);
            } else if (output.endsWith("/")) {
                throw CliException.invalidInput("-o " + output + ": no such directory");
            } else {
                target = given;
            }
        }
        if (Files.isDirectory(target)) {
            throw CliException.invalidInput(target + " is a directory; give -o a file name to write");
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw CliException.invalidInput(
                    "-o " + output + ": the directory " + target.getParent() + " does not exist");
        }
        if (Files.exists(target) && !force) {
            throw CliException.invalidInput(target + " already exists; pass --force to overwrite it");
        }
        return target;
    }

    /** The file name of {@code source} when it can be told without asking the service (null for a Vid). */
    static String localName(String source) {
        MediaSource media = MediaSource.parse(source);
        if (UrlPullRequest.isUrl(source)) {
            String path = URI.create(source).getRawPath();
            String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
            String name = URLDecoder.decode(last, StandardCharsets.UTF_8);
            if (name.isEmpty()) {
                throw CliException.invalidInput("the URL " + source + " names no file; give -o FILE");
            }
            return name;
        }
        return MediaArguments.fileName(source, media)
                .map(MediaDownloads::baseName)
                .orElse(null);
    }

    /** Downloads {@code source} to {@code -o output} and returns its line {@code {"Source","Path","Size","Md5"}}. */
    Map<String, Object> download(String source, String output, boolean force) {
        MediaSource media = MediaSource.parse(source);
        URI url;
        String name;
        long size = -1;
        String md5 = null;
        String label = source;
        if (UrlPullRequest.isUrl(source)) {
            url = URI.create(source);
            name = localName(source);
        } else if (MediaArguments.fileName(source, media).isPresent()) {
            String fileName = media.value();
            url = URI.create(playUrl(backend.spaceName(), fileName));
            name = baseName(fileName);
        } else {
            String vid = MediaArguments.vid(source, media);
            MediaInfos found = backend.client().media().infos(List.of(vid));
            MediaInfo info = found.media().stream()
                    .findFirst()
                    .orElseThrow(() -> new CliException(
                            ExitCodes.FAILED, "no media with Vid " + vid + " (the service lists it in NotExistVids)"));
            url = URI.create(
                    playUrl(info.spaceName().isEmpty() ? backend.spaceName() : info.spaceName(), info.fileName()));
            name = baseName(info.fileName());
            size = info.size();
            md5 = info.md5().isEmpty() ? null : info.md5();
            label = MediaSource.VID_PREFIX + vid;
        }
        Path target = target(context.workingDir(), output, name, force);
        DownloadResult result;
        try (ProgressDisplay progress =
                ProgressDisplay.forFiles(1, Math.max(size, 0), context.errStream(), context.errIsTerminal())) {
            UploadListener bar = progress.started(target, Math.max(size, 0));
            result = backend.client()
                    .media()
                    .download(
                            new DownloadRequest(url, target, force, size, md5),
                            (done, total) -> bar.onProgress(new UploadProgress(done, total)));
            progress.finished(target, Math.max(size, 0), true);
        }
        if (result.resumedFrom() > 0) {
            context.notice("resumed " + target.getFileName() + " from byte " + result.resumedFrom());
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("Source", label);
        line.put("Path", result.path().toString());
        line.put("Size", result.size());
        line.put("Md5", result.md5());
        return line;
    }

    private String playUrl(String space, String fileName) {
        String url = backend.playUrls().playUrl(space, fileName);
        if (url.isEmpty()) {
            throw new CliException(
                    ExitCodes.FAILED,
                    "space " + space + " has no usable play domain " + "to download " + fileName
                            + " from; set VOD_PLAY_DOMAIN");
        }
        return url;
    }

    private static String baseName(String fileName) {
        return fileName.substring(fileName.lastIndexOf('/') + 1);
    }
}
