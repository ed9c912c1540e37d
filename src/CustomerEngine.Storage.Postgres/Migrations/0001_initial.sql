-- The engine's four stores. Text keys use the "C" collation: the contract orders customers,
-- reminders and names by ordinal comparison, whatever locale the database was created with.

CREATE TABLE events (
    -- Identity, never reused even after the newest events are erased, since readers resume from
    -- the last sequence they saw. Commit order equals sequence order: appends take an advisory
    -- lock before inserting (see Writing/AdvisoryLocks.cs).
    sequence                   bigint   GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id                   text     COLLATE "C" NOT NULL,
    stream_key                 text     COLLATE "C" NOT NULL,
    type                       text     COLLATE "C" NOT NULL,
    occurred_at                timestamptz NOT NULL, -- to the microsecond
    occurred_at_offset_minutes smallint NOT NULL,     -- the producer's UTC offset, so OccurredAt round-trips
    payload                    bytea    NOT NULL,
    CONSTRAINT events_event_id_unique UNIQUE (event_id)
);
-- A grain reads its streams after a sequence, and counts them on activation.
CREATE INDEX events_by_stream ON events (stream_key, sequence);

CREATE TABLE grain_state (
    grain_type text   COLLATE "C" NOT NULL,
    grain_key  text   COLLATE "C" NOT NULL,
    state_name text   COLLATE "C" NOT NULL,
    data       bytea  NOT NULL,
    version    bigint NOT NULL,
    PRIMARY KEY (grain_type, grain_key, state_name)
);

CREATE TABLE customers (
    customer_id        text     COLLATE "C" NOT NULL PRIMARY KEY,
    name               text,
    kind               text     NOT NULL,
    stage              text     NOT NULL,
    tier               text,
    home_store_id      text     COLLATE "C",
    last_store_id      text     COLLATE "C",
    price_sensitivity  text,
    loyalty            text,
    channel_preference text,
    nps_category       text,
    open_complaints    integer  NOT NULL,
    frequency          integer  NOT NULL,
    monetary           numeric  NOT NULL, -- exact: every .NET decimal round-trips
    last_purchase_at   timestamptz,
    last_seen_at       timestamptz,
    next_due_at        timestamptz,
    purchase_days      integer,           -- NULL: written before the index kept the value-model inputs
    first_purchase_at  timestamptz,
    repeat_day_spend   numeric  NOT NULL DEFAULT 0
);
-- As in SQLite (decision 11): stage, tier and segments have a handful of values each, so they are
-- scanned; stores (many values) and due times (the lifecycle sweep) are indexed.
CREATE INDEX customers_by_home_store ON customers (home_store_id);
CREATE INDEX customers_by_last_store ON customers (last_store_id);
CREATE INDEX customers_due ON customers (next_due_at) WHERE next_due_at IS NOT NULL;

CREATE TABLE reminders (
    grain_type   text        COLLATE "C" NOT NULL,
    grain_key    text        COLLATE "C" NOT NULL,
    name         text        COLLATE "C" NOT NULL,
    due_at       timestamptz NOT NULL,
    period_ticks bigint      NOT NULL, -- TimeSpan ticks: exact
    PRIMARY KEY (grain_type, grain_key, name)
);
CREATE INDEX reminders_by_due ON reminders (due_at);
