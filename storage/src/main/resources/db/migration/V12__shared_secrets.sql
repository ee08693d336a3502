-- Secrets that every instance sharing the database must agree on, made once by whichever asks first: the key that
-- signs download links when BOARDCLERK_LINK_KEY is not set (on PostgreSQL; a SQLite deployment keeps link.key).
CREATE TABLE shared_secrets (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
