package io.boardclerk.bot.documents;

import io.boardclerk.bot.BotConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The key that signs download links: BOARDCLERK_LINK_KEY when set, otherwise 32 random bytes made once and kept so
 * that links keep working across restarts: with SQLite in {@code link.key} beside the database file (owner read and
 * write only, where the file system has such permissions); with PostgreSQL in the database, so that every instance
 * sharing it signs and verifies with the same key. The key is never logged.
 */
final class LinkKey {

    static final String FILE_NAME = "link.key";
    private static final int BYTES = 32;

    private LinkKey() {
    }

    /**
     * The keys links are signed and verified with: BOARDCLERK_LINK_KEY's (a secret, or {@code id:secret} entries
     * separated by commas, the first signing), else the file's (key id {@code file}).
     */
    static java.util.List<DownloadLinks.Key> load(BotConfig config, Function<Supplier<byte[]>, byte[]> shared) {
        if (!config.linkKey().isEmpty()) {
            return parse(config.linkKey());
        }
        if (config.sharedDatabase()) {
            return java.util.List.of(new DownloadLinks.Key("db", shared.apply(LinkKey::random)));
        }
        return java.util.List.of(new DownloadLinks.Key("file", fromFile(file(config.databaseFile()))));
    }

    /** The name of the key in the database's shared secrets. */
    public static final String SHARED_NAME = "download-link-key";

    static byte[] random() {
        byte[] key = new byte[BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** BOARDCLERK_LINK_KEY's entries: one bare secret (key id {@code env}), or {@code id:secret}, ... */
    public static java.util.List<DownloadLinks.Key> parse(String value) {
        String[] entries = value.split(",");
        java.util.List<DownloadLinks.Key> keys = new java.util.ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            int colon = entry.indexOf(':');
            if (colon < 0 && entries.length == 1) {
                keys.add(new DownloadLinks.Key("env", entry.getBytes(StandardCharsets.UTF_8)));
            } else if (colon > 0) {
                keys.add(new DownloadLinks.Key(entry.substring(0, colon),
                        entry.substring(colon + 1).strip().getBytes(StandardCharsets.UTF_8)));
            } else {
                throw new IllegalArgumentException("each of several keys is written id:secret");
            }
        }
        return keys;
    }

    static Path file(Path database) {
        Path dir = database.toAbsolutePath().getParent();
        return dir.resolve(FILE_NAME);
    }

    static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.getParent());
            byte[] key = random();
            Path temporary = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp", ownerOnly(file.getParent()));
            try {
                Files.write(temporary, (Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
                Files.move(temporary, file);
                return key;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                return read(file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new DownloadLinks.KeyUnavailable("BoardClerk cannot keep its download link key at " + file
                    + ": make that directory writable, or set BOARDCLERK_LINK_KEY.", e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            byte[] key = Base64.getUrlDecoder().decode(text);
            if (key.length == BYTES) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below, without the content
        }
        throw new DownloadLinks.KeyUnavailable(file + " is not a BoardClerk link key (32 bytes, base64url). Delete it "
                + "to have a new one made; links already given out will then stop working.", null);
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rw-------");
            return new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(permissions)};
        }
        return new FileAttribute<?>[0];
    }
}
