package io.vodkit.cli.commands;

import io.vodkit.cli.CliException;
import io.vodkit.client.pull.UrlPullRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The positionals of {@code vodkit upload SOURCE... [SPACE]}: each SOURCE is a local file, a folder (its media files,
 * see {@link MediaFolder}), an http(s) URL, or {@code @file} naming a file with one source per line ({@code #}
 * comments and blank lines skipped). The last positional is the SPACE only when there is more than one positional
 * and it is not a URL, not {@code @…}, not an existing path and does not look like a file name (a {@code /} or a
 * trailing {@code .ext}): a mistyped second file is then reported as missing rather than taken for a space.
 *
 * @param sources the sources in order, {@code @file}s and folders expanded
 * @param space   the SPACE positional, if one was recognised
 */
record UploadSources(List<Item> sources, Optional<String> space) {
    private static final Pattern FILE_LIKE = Pattern.compile(".*[/\\\\].*|.*\\.[A-Za-z0-9]{1,8}");

    /**
     * One source.
     *
     * @param text     as given (a path, relative or not, or a URL), or the absolute path of a file found in a folder
     * @param inFolder whether it was found in a folder, so a problem with it fails that file only, not the batch
     */
    record Item(String text, boolean inFolder) {
    }

    /**
     * @param recursive whether folders are walked into their subfolders
     * @param notices   told of what a folder walk skipped
     */
    static UploadSources parse(List<String> positionals, Path workingDir, boolean recursive,
                               Consumer<String> notices) {
        List<String> words = new ArrayList<>(positionals);
        Optional<String> space = Optional.empty();
        if (words.size() > 1) {
            String last = words.get(words.size() - 1);
            if (!UrlPullRequest.isUrl(last) && !last.startsWith("@") && !FILE_LIKE.matcher(last).matches()
                    && !Files.exists(workingDir.resolve(last))) {
                space = Optional.of(last);
                words.remove(words.size() - 1);
            }
        }
        List<String> texts = new ArrayList<>();
        for (String word : words) {
            if (word.startsWith("@")) {
                texts.addAll(readList(workingDir.resolve(word.substring(1))));
            } else {
                texts.add(word);
            }
        }
        if (texts.isEmpty()) {
            throw CliException.invalidInput("no SOURCE to upload (the @file lists none)");
        }
        List<Item> sources = new ArrayList<>();
        for (String text : texts) {
            Path folder = UrlPullRequest.isUrl(text) ? null : workingDir.resolve(text).toAbsolutePath().normalize();
            if (folder != null && Files.isDirectory(folder)) {
                MediaFolder.scan(folder, recursive, notices).forEach(file -> sources.add(new Item(file.toString(),
                        true)));
            } else {
                sources.add(new Item(text, false));
            }
        }
        return new UploadSources(List.copyOf(sources), space);
    }

    private static List<String> readList(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.invalidInput("source list not found: " + file);
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read the source list " + file + " (" + e + ")");
        }
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
