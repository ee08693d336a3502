-- What the instances sharing the database must agree on. Secrets, made once by whichever asks first: the key that
-- signs download links when BOARDCLERK_LINK_KEY is not set.
CREATE TABLE shared_secrets (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL
);

-- Teams' per-tenant limits, kept together by every instance: a token bucket (tokens, refilled at a moment in
-- microseconds since the epoch, by the database's clock) and the pause after a 429.
CREATE TABLE tenant_pacing (
    tenant_id       text             PRIMARY KEY,
    tokens          double precision NOT NULL,
    refilled_micros bigint           NOT NULL,
    paused_until    timestamptz
);
