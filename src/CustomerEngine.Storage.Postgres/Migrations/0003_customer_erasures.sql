-- The audit trail of customer erasures: when, who asked and how much was deleted, with an
-- optional keyed digest of the customer id (never the id itself).
CREATE TABLE erasures (
    erasure_id           text        COLLATE "C" NOT NULL PRIMARY KEY,
    erased_at            timestamptz NOT NULL,
    requested_by         text        NOT NULL,
    subject_digest       text        COLLATE "C",
    streams_erased       integer     NOT NULL,
    events_erased        bigint      NOT NULL,
    states_erased        integer     NOT NULL,
    index_entries_erased integer     NOT NULL,
    reminders_erased     integer     NOT NULL,
    log_position         bigint      NOT NULL
);
-- In the order of the listing (newest first, ties by id), so a page reads `limit` index entries.
CREATE INDEX erasures_newest_first ON erasures (erased_at DESC, erasure_id);
CREATE INDEX erasures_by_subject ON erasures (subject_digest, erased_at DESC, erasure_id) WHERE subject_digest IS NOT NULL;
