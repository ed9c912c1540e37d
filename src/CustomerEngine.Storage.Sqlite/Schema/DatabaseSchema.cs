using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Schema;

/// <summary>
/// Creates and upgrades the tables. The schema version lives in <c>PRAGMA user_version</c>, so an
/// upgrade runs once per file and a file written by a newer build is refused rather than misread.
/// </summary>
internal static class DatabaseSchema
{
    public const int CurrentVersion = 4;

    // Instants are unix milliseconds (see StoredInstant); money is invariant decimal text (see StoredMoney).
    private const string Version1 = """
        CREATE TABLE IF NOT EXISTS events (
            -- AUTOINCREMENT: a sequence is never reused, even after the newest events are erased
            -- (customers may ask for erasure), since readers resume from the last sequence they saw.
            sequence          INTEGER PRIMARY KEY AUTOINCREMENT,
            event_id          TEXT    NOT NULL UNIQUE,
            stream_key        TEXT    NOT NULL,
            type              TEXT    NOT NULL,
            occurred_at       INTEGER NOT NULL, -- unix ms, for queries
            occurred_at_exact TEXT    NOT NULL, -- ISO 8601 round-trip form: every tick and the offset
            payload           BLOB    NOT NULL
        );

        CREATE TABLE IF NOT EXISTS grain_state (
            grain_type TEXT    NOT NULL,
            grain_key  TEXT    NOT NULL,
            state_name TEXT    NOT NULL,
            data       BLOB    NOT NULL,
            version    INTEGER NOT NULL,
            PRIMARY KEY (grain_type, grain_key, state_name)
        );

        CREATE TABLE IF NOT EXISTS customers (
            customer_id        TEXT    NOT NULL PRIMARY KEY,
            name               TEXT,
            kind               TEXT    NOT NULL,
            stage              TEXT    NOT NULL,
            tier               TEXT,
            home_store_id      TEXT,
            last_store_id      TEXT,
            price_sensitivity  TEXT,
            loyalty            TEXT,
            channel_preference TEXT,
            nps_category       TEXT,
            open_complaints    INTEGER NOT NULL,
            frequency          INTEGER NOT NULL,
            monetary           TEXT    NOT NULL,
            last_purchase_at   INTEGER,
            last_seen_at       INTEGER,
            next_due_at        INTEGER
        ) WITHOUT ROWID;
        -- Stage, tier and segment have a handful of values each: an index on them would select a
        -- large share of the table anyway, and every one of them is another B-tree to update on
        -- each row write, which is the single writer's hottest work. Those filters scan; stores
        -- (many values) and due times (the sweep) are indexed.
        CREATE INDEX IF NOT EXISTS customers_by_home_store ON customers (home_store_id);
        CREATE INDEX IF NOT EXISTS customers_by_last_store ON customers (last_store_id);
        CREATE INDEX IF NOT EXISTS customers_due ON customers (next_due_at) WHERE next_due_at IS NOT NULL;

        CREATE TABLE IF NOT EXISTS reminders (
            grain_type   TEXT    NOT NULL,
            grain_key    TEXT    NOT NULL,
            name         TEXT    NOT NULL,
            due_at       INTEGER NOT NULL, -- unix ms
            period_ticks INTEGER NOT NULL, -- TimeSpan ticks: exact
            PRIMARY KEY (grain_type, grain_key, name)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS reminders_by_due ON reminders (due_at);
        """;

    // The value models' inputs per customer, so the periodic ranking can rank lifetime value from the
    // index. Rows written by version 1 keep purchase_days NULL ("not known yet") until their customer
    // publishes a new row: the ranking asks those customers to.
    private const string Version2 = """
        ALTER TABLE customers ADD COLUMN purchase_days INTEGER;
        ALTER TABLE customers ADD COLUMN first_purchase_at INTEGER;
        ALTER TABLE customers ADD COLUMN repeat_day_spend TEXT NOT NULL DEFAULT '0';
        """;

    // The audit trail of customer erasures: counts and a keyed digest, never the customer's id.
    private const string Version3 = """
        CREATE TABLE IF NOT EXISTS erasures (
            erasure_id           TEXT    NOT NULL PRIMARY KEY,
            erased_at            INTEGER NOT NULL, -- unix ms
            requested_by         TEXT    NOT NULL,
            subject_digest       TEXT,
            streams_erased       INTEGER NOT NULL,
            events_erased        INTEGER NOT NULL,
            states_erased        INTEGER NOT NULL,
            index_entries_erased INTEGER NOT NULL,
            reminders_erased     INTEGER NOT NULL,
            log_position         INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS erasures_by_time ON erasures (erased_at DESC, erasure_id);
        CREATE INDEX IF NOT EXISTS erasures_by_subject ON erasures (subject_digest) WHERE subject_digest IS NOT NULL;
        """;

    // Finding a customer's events: the SQLite index events_by_stream of versions 1–3 put every
    // appended event on a random page of the index. The stream index is now a table of its own,
    // filled in sorted batches up to a watermark; the newest events are found through the
    // in-memory StreamTail (decision 82). An older file is indexed up to its newest event here.
    private const string Version4 = """
        CREATE TABLE IF NOT EXISTS stream_index (
            stream_key TEXT    NOT NULL,
            sequence   INTEGER NOT NULL,
            PRIMARY KEY (stream_key, sequence)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS stream_index_watermark (
            id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            sequence INTEGER NOT NULL -- every event at or below it is in stream_index
        );
        INSERT OR IGNORE INTO stream_index (stream_key, sequence)
            SELECT stream_key, sequence FROM events ORDER BY stream_key, sequence;
        INSERT OR IGNORE INTO stream_index_watermark (id, sequence)
            SELECT 1, coalesce(max(sequence), 0) FROM events;
        DROP INDEX IF EXISTS events_by_stream;
        """;

    /// <summary>Brings the file to <see cref="CurrentVersion"/> in one transaction.</summary>
    public static void Apply(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt64(Execute(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database {path} has schema version {version}; this build understands up to version {CurrentVersion}.");
        }

        if (version < 1)
        {
            ExecuteNonQuery(connection, transaction, Version1);
        }

        if (version < 2)
        {
            ExecuteNonQuery(connection, transaction, Version2);
        }

        if (version < 3)
        {
            ExecuteNonQuery(connection, transaction, Version3);
        }

        if (version < 4)
        {
            ExecuteNonQuery(connection, transaction, Version4);
        }

        if (version < CurrentVersion)
        {
            ExecuteNonQuery(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {CurrentVersion};"));
        }

        transaction.Commit();
    }

    private static object? Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void ExecuteNonQuery(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
