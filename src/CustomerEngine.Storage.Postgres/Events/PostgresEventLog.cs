using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Connections;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Events;

/// <summary>The event log on the <c>events</c> table.</summary>
internal sealed class PostgresEventLog(PostgresDatabase database) : IEventLog
{
    private const string Columns = "sequence, event_id, stream_key, type, occurred_at, occurred_at_offset_minutes, payload";

    private const string ReadStreamsSql = $"""
        SELECT {Columns} FROM events
        WHERE stream_key = ANY($1) AND sequence > $2
        ORDER BY sequence
        """;

    private const string StreamStatsSql = "SELECT count(*), coalesce(max(sequence), 0) FROM events WHERE stream_key = ANY($1)";

    // A range scan of the primary key that skips other types; no index on type, for the reason
    // SQLite has none (decision 22): every append would update one more index for rare walks.
    // The page is a prefix of the log because appends commit in sequence order (AdvisoryLocks.EventAppend).
    private const string ScanSql = $"""
        SELECT {Columns} FROM events
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

        await using var command = database.CreateReadCommand(ReadStreamsSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
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

        await using var command = database.CreateReadCommand(StreamStatsSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = keys });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StreamStats(reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        await using var command = database.CreateReadCommand(ScanSql);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterSequence });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var command = database.CreateReadCommand(CountSql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>The highest sequence stored: one step down the primary key however long the log is.</summary>
    public async Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await using var command = database.CreateReadCommand(LastSequenceSql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var occurredAtUtc = new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero);
            events.Add(new StoredEvent(
                Sequence: reader.GetInt64(0),
                EventId: reader.GetString(1),
                StreamKey: reader.GetString(2),
                Type: reader.GetString(3),
                OccurredAt: occurredAtUtc.ToOffset(TimeSpan.FromMinutes(reader.GetInt16(5))),
                Payload: reader.GetFieldValue<byte[]>(6)));
        }

        return events;
    }
}
