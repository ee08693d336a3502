package io.boardclerk.storage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

import org.sqlite.SQLiteConfig;

/**
 * Whether a database already has every shipped migration, exactly as shipped, so that a restart need not load and
 * run Flyway (most of a restart's time, on a machine without spare cores): its history ({@code
 * flyway_schema_history}) must hold each script of the {@link MigrationIndex} as applied successfully, with the
 * checksum Flyway gives that script now (CRC32 over its lines, as Flyway computes it), no failed migration and no
 * migration this build does not ship. Anything else, or any doubt (no index, no history, an error), answers false,
 * and Flyway migrates and validates as ever.
 */
final class SchemaCheck {

    private SchemaCheck() {
    }

    static boolean upToDate(Path file, ClassLoader loader) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        List<String> shipped = MigrationIndex.shipped(loader);
        if (shipped.isEmpty()) {
            return false;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                    + "name = 'flyway_schema_history'")) {
                if (!table.next()) {
                    return false;
                }
            }
            Map<String, Integer> applied = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("SELECT type, script, checksum, success FROM "
                    + "flyway_schema_history")) {
                while (rows.next()) {
                    if (!rows.getBoolean("success")) {
                        return false;
                    }
                    if ("SQL".equals(rows.getString("type"))) {
                        int checksum = rows.getInt("checksum");
                        applied.put(rows.getString("script"), rows.wasNull() ? null : checksum);
                    }
                }
            }
            Set<String> expected = new HashSet<>(shipped);
            if (!expected.equals(applied.keySet())) {
                return false;
            }
            for (String script : shipped) {
                Integer checksum = applied.get(script);
                if (checksum == null || checksum != checksum(loader, script)) {
                    return false;
                }
            }
            return true;
        } catch (SQLException | IOException | RuntimeException e) {
            return false;
        }
    }

    /** Flyway's checksum of a migration script: CRC32 over its lines' UTF-8 bytes, without line ends or a BOM. */
    static int checksum(ClassLoader loader, String script) throws IOException {
        try (InputStream in = loader.getResourceAsStream(MigrationIndex.LOCATION + script)) {
            if (in == null) {
                throw new IOException("missing " + script);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
            CRC32 crc = new CRC32();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                crc.update((line.startsWith("\uFEFF") ? line.substring(1) : line).getBytes(StandardCharsets.UTF_8));
            }
            return (int) crc.getValue();
        }
    }
}
