package io.boardclerk.storage;

import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/** The {@code shared_secrets} table (V12): a secret is made once, by whichever instance asks first, and kept. */
final class SharedSecrets {

    private SharedSecrets() {
    }

    /** The secret of that name: the one stored, or {@code make}'s, stored now. Run inside a writing transaction. */
    static byte[] take(Sql sql, String name, Supplier<byte[]> make) {
        byte[] candidate = make.get();
        sql.update("INSERT INTO shared_secrets (name, value, created_at) VALUES (?, ?, ?)"
                + " ON CONFLICT (name) DO NOTHING", name, Base64.getEncoder().encodeToString(candidate), Instant.now());
        String stored = sql.one("SELECT value FROM shared_secrets WHERE name = ?", row -> row.getString(1), name)
                .orElseThrow(() -> new StorageException("The shared secret " + name + " was not kept", null));
        return Base64.getDecoder().decode(stored);
    }
}
