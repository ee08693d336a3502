-- What the instances sharing the database must agree on. Secrets, made once by whichever asks first: the key that
-- signs download links when BOARDCLERK_LINK_KEY is not set (on PostgreSQL; a SQLite deployment keeps link.key).
CREATE TABLE shared_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- Teams' per-tenant limits, kept together by every instance: a token bucket (tokens, refilled at a moment in
-- microseconds since the epoch) and the pause after a 429. Used on PostgreSQL; SQLite serves one instance, which
-- keeps them in memory.
CREATE TABLE tenant_pacing (
    tenant_id       TEXT    PRIMARY KEY,
    tokens          REAL    NOT NULL,
    refilled_micros INTEGER NOT NULL,
    paused_until    TEXT
);
