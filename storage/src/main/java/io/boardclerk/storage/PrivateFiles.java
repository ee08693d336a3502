package io.boardclerk.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The database and the directory it is made in, private to the service's user: the directory 0700 and the file 0600
 * when BoardClerk creates them (SQLite gives its journal and WAL files the database file's permissions). An existing
 * database file is narrowed to 0600; an existing directory is left as its owner set it. On a file system without
 * POSIX permissions nothing is changed.
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    static void directory(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        directory(dir.getParent());
        if (posix(dir.getParent())) {
            FileAttribute<Set<PosixFilePermission>> owner = PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY);
            try {
                Files.createDirectory(dir, owner);
            } catch (FileAlreadyExistsException raced) {
                return;
            }
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
        } else {
            Files.createDirectories(dir);
        }
    }

    static void file(Path file) throws IOException {
        boolean posix = posix(file.getParent());
        if (!Files.exists(file)) {
            try {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                // Someone made it meanwhile: narrowed below.
            }
        }
        if (posix && Files.isRegularFile(file) && !Files.getPosixFilePermissions(file).equals(OWNER_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    private static boolean posix(Path dir) {
        Path at = dir == null ? Path.of(".") : dir;
        return Files.getFileAttributeView(at, PosixFileAttributeView.class) != null;
    }
}
