using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Connections;
using CustomerEngine.Storage.Postgres.Reading;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Events;

/// <summary>The event log on the <c>events</c> table.</summary>
internal sealed class PostgresEventLog(PostgresDatabase database) : IEventLog
{
    // A range scan of the primary key that skips other types; no index on type, for the reason
    // SQLite has none (decision 22): every append would update one more index for rare walks.
    // The page is a prefix of the log because appends commit in sequence order (AdvisoryLocks.EventAppend).
    private const string ScanSql = $"""
        SELECT {StoredEventColumns.Names} FROM events
        WHERE sequence > $1 AND type = $2
        ORDER BY sequence
        LIMIT $3
        """;

    private const string CountSql = "SELECT count(*) FROM events";
    private const string LastSequenceSql = "SELECT coalesce(max(sequence), 0) FROM events";

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AppendOutcome>>([]);
        }

        return database.Writer.SubmitAsync(new AppendEventsOperation(events, cancellationToken));
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadStreamsAsync(IReadOnlyCollection<string> streamKeys, long afterSequence, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamKeys);
        cancellationToken.ThrowIfCancellationRequested();
        var keys = streamKeys.Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return [];
        }

        return await database.StreamEvents.LookUpAsync(new StreamEventsRequest(keys, afterSequence), cancellationToken).ConfigureAwait(false);
    }

    public async Task<StreamStats> ReadStreamStatsAsync(IReadOnlyCollection<string> streamKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streamKeys);
        cancellationToken.ThrowIfCancellationRequested();
        var keys = streamKeys.Distinct(StringComparer.Ordinal).ToArray();
        if (keys.Length == 0)
        {
            return new StreamStats(0, 0);
        }

        return await database.StreamStats.LookUpAsync(keys, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        return await database.ReadAsync(
            ScanSql,
            parameters =>
            {
                parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
                parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
                parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
            },
            command => ReadEventsAsync(command, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await database.ReadAsync(CountSql, async command => (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!).ConfigureAwait(false);
    }

    /// <summary>The highest sequence stored: one step down the primary key however long the log is.</summary>
    public async Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await database.ReadAsync(LastSequenceSql, async command => (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(StoredEventColumns.Read(reader));
        }

        return events;
    }
}
