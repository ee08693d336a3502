-- Secrets that every instance sharing the database must agree on, made once by whichever asks first: the key that
-- signs download links when BOARDCLERK_LINK_KEY is not set.
CREATE TABLE shared_secrets (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL
);
