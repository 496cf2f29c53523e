package io.vodkit.cli.commands;

import io.vodkit.cli.CliException;
import io.vodkit.client.upload.MediaExtensions;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * The media files of a folder given to {@code vodkit upload DIR}: the regular files whose extension is one of
 * {@link MediaExtensions}, in path order; with {@code recursive}, those of every subfolder too. Hidden files and
 * folders (names starting with {@code .}) are left out. Symbolic links are followed; a link back into a folder being
 * walked (a loop), an unreadable subfolder and a broken link are skipped with a notice.
 */
final class MediaFolder {
    private final Path root;
    private final Consumer<String> notices;
    private final List<Path> media = new ArrayList<>();
    private int otherFiles;
    private int subfolders;

    private MediaFolder(Path root, Consumer<String> notices) {
        this.root = root;
        this.notices = notices;
    }

    /**
     * The media files in {@code dir}.
     *
     * @throws CliException (invalid input) when the folder cannot be read or holds no media file
     */
    static List<Path> scan(Path dir, boolean recursive, Consumer<String> notices) {
        MediaFolder folder = new MediaFolder(dir, notices);
        try {
            Files.walkFileTree(
                    dir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), recursive ? Integer.MAX_VALUE : 1, folder.visitor());
        } catch (IOException e) {
            throw CliException.invalidInput("cannot read the folder " + dir + ": " + e.getMessage());
        }
        if (folder.media.isEmpty()) {
            throw CliException.invalidInput(folder.nothingToUpload(recursive));
        }
        return folder.media.stream().sorted().toList();
    }

    private String nothingToUpload(boolean recursive) {
        if (otherFiles == 0 && subfolders == 0) {
            return "the folder " + root + " is empty: no media file to upload";
        }
        String hint = recursive || subfolders == 0
                ? ""
                : "; -r also looks in its " + subfolders + " subfolder" + (subfolders == 1 ? "" : "s");
        return "no media file in the folder " + root + " (" + otherFiles + " other file" + (otherFiles == 1 ? "" : "s")
                + " skipped" + hint + "); media files end in " + MediaExtensions.describe();
    }

    private SimpleFileVisitor<Path> visitor() {
        return new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(root) || !hidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (hidden(file)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isDirectory()) {
                    subfolders++;
                } else if (!MediaExtensions.isMedia(file)) {
                    otherFiles++;
                } else if (attrs.isRegularFile()) {
                    media.add(file);
                } else {
                    notices.accept("skipped " + file + ": not a regular file (a broken link?)");
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(root)) {
                    throw e;
                }
                notices.accept(
                        e instanceof FileSystemLoopException
                                ? "skipped " + file + ": a symbolic link loop"
                                : "skipped " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                return e == null ? FileVisitResult.CONTINUE : visitFileFailed(dir, e);
            }
        };
    }

    private static boolean hidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }
}
