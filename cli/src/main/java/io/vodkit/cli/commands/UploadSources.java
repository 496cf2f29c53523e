package io.vodkit.cli.commands;

import io.vodkit.cli.CliContext;
import io.vodkit.cli.CliException;
import io.vodkit.cli.config.ArgumentFile;
import io.vodkit.client.pull.UrlPullRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The positionals of {@code vodkit upload SOURCE... [SPACE]}: each SOURCE is a local file, a folder (its media files,
 * see {@link MediaFolder}), an http(s) URL, or {@code @file} naming a file with one source per line, taken literally
 * (spaces, quotes and apostrophes are part of a name; blank lines and {@code #} comments skipped; an MCP tool call's
 * {@code @…} is a file name like any other). The last positional is the SPACE only when there is more than one positional
 * and it is not a URL, not {@code @…}, not an existing path and does not look like a file name (a {@code /} or a
 * trailing {@code .ext}): a mistyped second file is then reported as missing rather than taken for a space.
 *
 * @param sources the sources in order, {@code @file}s and folders expanded
 * @param space   the SPACE positional, if one was recognised
 */
record UploadSources(List<Item> sources, Optional<String> space) {
    private static final Pattern FILE_LIKE = Pattern.compile(".*[/\\\\].*|.*\\.[A-Za-z0-9]{1,8}");
    /** The largest {@code @file} source list read. */
    static final int MAX_LIST_FILE_BYTES = 8 << 20;

    /**
     * One source.
     *
     * @param text     as given (a path, relative or not, or a URL), or the absolute path of a file found in a folder
     * @param inFolder whether it was found in a folder, so a problem with it fails that file only, not the batch
     */
    record Item(String text, boolean inFolder) {}

    /**
     * @param recursive whether folders are walked into their subfolders
     * @param notices   told of what a folder walk skipped
     */
    static UploadSources parse(
            List<String> positionals, CliContext context, boolean recursive, Consumer<String> notices) {
        Path workingDir = context.workingDir();
        List<String> words = new ArrayList<>(positionals);
        Optional<String> space = Optional.empty();
        if (words.size() > 1) {
            String last = words.get(words.size() - 1);
            if (!UrlPullRequest.isUrl(last)
                    && ArgumentFile.reference(last, context).isEmpty()
                    && !FILE_LIKE.matcher(last).matches()
                    && !exists(workingDir, last)) {
                space = Optional.of(last);
                words.remove(words.size() - 1);
            }
        }
        List<String> texts = new ArrayList<>();
        for (String word : words) {
            Optional<Path> list = ArgumentFile.reference(word, context);
            if (list.isPresent()) {
                texts.addAll(readList(list.get(), workingDir));
            } else {
                texts.add(word);
            }
        }
        if (texts.isEmpty()) {
            throw CliException.invalidInput("no SOURCE to upload (the @file lists none)");
        }
        List<Item> sources = new ArrayList<>();
        for (String text : texts) {
            Path folder = UrlPullRequest.isUrl(text)
                    ? null
                    : workingDir.resolve(text).toAbsolutePath().normalize();
            if (folder != null && Files.isDirectory(folder)) {
                MediaFolder.scan(folder, recursive, notices)
                        .forEach(file -> sources.add(new Item(file.toString(), true)));
            } else {
                sources.add(new Item(text, false));
            }
        }
        return new UploadSources(List.copyOf(sources), space);
    }

    /**
     * The sources a list names, one per line as written (only a line end's {@code \r} is dropped). A line that is
     * neither a URL nor an existing path is reported by its number, never quoted: the file may not be a list at all.
     */
    private static List<String> readList(Path file, Path workingDir) {
        byte[] bytes = ArgumentFile.read(file, "source list", MAX_LIST_FILE_BYTES);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw CliException.invalidInput("source list " + file + " is not UTF-8 text");
        }
        List<String> sources = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!UrlPullRequest.isUrl(line) && !exists(workingDir, line)) {
                String hint = !line.equals(line.strip()) && exists(workingDir, line.strip())
                        ? " (names are read as written: this line has spaces at its start or end)"
                        : "";
                throw CliException.invalidInput("source list " + file + " line " + (n + 1)
                        + ": no such file or folder, and not an http(s) URL" + hint);
            }
            sources.add(line);
        }
        return sources;
    }

    private static boolean exists(Path workingDir, String name) {
        try {
            return Files.exists(workingDir.resolve(name));
        } catch (InvalidPathException notAPath) {
            return false;
        }
    }
}
