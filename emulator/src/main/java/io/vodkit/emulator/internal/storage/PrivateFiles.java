package io.vodkit.emulator.internal.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read: folders mode 700, files mode 600. On a file system without POSIX
 * permissions (Windows) the calls create and write as usual and change no modes.
 */
public final class PrivateFiles {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates {@code dir} (its missing parents as usual) mode 700, or narrows an existing one to 700. */
    public static Path directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                Files.createDirectory(dir, folderAttributes());
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile; narrowed below
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(dir, FOLDER);
        }
        return dir;
    }

    /** Narrows {@code file} to mode 600 when it exists. */
    public static void restrict(Path file) throws IOException {
        if (POSIX && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    /** Creates {@code file} empty, mode 600, unless it exists (it is then narrowed to 600). */
    public static void createFile(Path file) throws IOException {
        try {
            Files.createFile(file, fileAttributes());
        } catch (FileAlreadyExistsException exists) {
            restrict(file);
        }
    }

    /** Writes {@code bytes} to a mode-600 temp file beside {@code file} and moves it into place atomically. */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp", fileAttributes());
        try {
            Files.write(temp, bytes);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** The attributes of a new mode-600 file (none without POSIX permissions). */
    public static FileAttribute<?>[] fileAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] folderAttributes() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FOLDER)} : new FileAttribute<?>[0];
    }

    /**
     * The permissions that let users other than the owner write into {@code dir} ({@code group write}, {@code others
     * write}), in {@code ls -l} form such as {@code rwxrwxrwx}; empty when there are none or no POSIX permissions.
     */
    public static String othersCanWrite(Path dir) throws IOException {
        if (!POSIX || !Files.isDirectory(dir)) {
            return "";
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        return permissions.contains(PosixFilePermission.GROUP_WRITE)
                        || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                ? PosixFilePermissions.toString(permissions)
                : "";
    }
}
