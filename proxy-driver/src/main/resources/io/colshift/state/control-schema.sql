-- colshift control schema, version 2. "${schema}" is replaced by the configured schema name.
-- Every statement is idempotent: `colshift init` runs this file as often as it is called.
CREATE SCHEMA IF NOT EXISTS ${schema};

CREATE TABLE IF NOT EXISTS ${schema}.schema_version (
    version     integer     PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- One row: the state version, bumped in the same transaction as every change to migrations.
CREATE TABLE IF NOT EXISTS ${schema}.state (
    singleton   boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    version     bigint      NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ${schema}.state (singleton, version) VALUES (true, 1) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS ${schema}.migrations (
    id              text        PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),
    table_schema    text        NOT NULL,
    table_name      text        NOT NULL,
    column_name     text        NOT NULL,
    column_type     text        NOT NULL,
    default_expr    text,
    backfill_expr   text,
    read_fallback   text        NOT NULL DEFAULT 'NULL',
    not_null        boolean     NOT NULL DEFAULT false,
    index_spec      jsonb,
    spec            jsonb       NOT NULL,
    phase           text        NOT NULL CHECK (phase IN ('declared', 'expanded', 'backfilling', 'backfilled',
                                                          'contracted', 'complete')),
    writes_enabled  boolean     NOT NULL DEFAULT false,
    archived        boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    updated_by      text        NOT NULL DEFAULT current_user
);
CREATE UNIQUE INDEX IF NOT EXISTS migrations_one_live_per_column
    ON ${schema}.migrations (table_schema, table_name, column_name) WHERE NOT archived;

CREATE TABLE IF NOT EXISTS ${schema}.backfill_progress (
    migration_id    text        PRIMARY KEY REFERENCES ${schema}.migrations (id) ON DELETE CASCADE,
    last_key        jsonb,
    rows_done       bigint      NOT NULL DEFAULT 0,
    rows_estimate   bigint,
    batch_size      integer,
    paused          boolean     NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Heartbeats of live drivers; the only table the application role may write (optional).
CREATE TABLE IF NOT EXISTS ${schema}.clients (
    client_id        text        PRIMARY KEY,
    host             text,
    pid              bigint,
    application_name text,
    acked_version    bigint      NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    last_seen        timestamptz NOT NULL DEFAULT now()
);

-- Append-only audit trail of every transition and flag change.
CREATE TABLE IF NOT EXISTS ${schema}.events (
    id            bigserial   PRIMARY KEY,
    at            timestamptz NOT NULL DEFAULT now(),
    actor         text        NOT NULL,
    migration_id  text,
    kind          text        NOT NULL,
    from_value    text,
    to_value      text,
    state_version bigint,
    detail        text
);

INSERT INTO ${schema}.schema_version (version) VALUES (1) ON CONFLICT DO NOTHING;

-- Version 2: per-server state with a staleness lease.
-- lease_ms: no driver runs a statement under a snapshot of this server's state older than this; every CLI step
-- waits this long after its commit (and after every streaming standby replayed it) before it returns.
ALTER TABLE ${schema}.state ADD COLUMN IF NOT EXISTS lease_ms integer NOT NULL DEFAULT 2000
    CHECK (lease_ms BETWEEN 50 AND 600000);
-- The server (host:port as the driver connected to it) a heartbeat row is about, and whether it was a standby.
ALTER TABLE ${schema}.clients ADD COLUMN IF NOT EXISTS server text;
ALTER TABLE ${schema}.clients ADD COLUMN IF NOT EXISTS in_recovery boolean;
INSERT INTO ${schema}.schema_version (version) VALUES (2) ON CONFLICT DO NOTHING;

-- Version 3: the drivers' adoption counters per migration, reported with the heartbeat (written by the
-- application role, so readers treat them as untrusted input):
-- {"<migration id>": {"reads", "writes", "heldBack", "rewritten", "passedUnchanged", "refused", "p50Ms", "p99Ms"}}
ALTER TABLE ${schema}.clients ADD COLUMN IF NOT EXISTS counters jsonb;
INSERT INTO ${schema}.schema_version (version) VALUES (3) ON CONFLICT DO NOTHING;
