using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Telemetry;
using Microsoft.Data.Sqlite;

namespace CustomerEngine.Storage.Sqlite.Events;

/// <summary>The event log on the <c>events</c> table.</summary>
internal sealed class SqliteEventLog(SqliteDatabase database) : IEventLog
{
    private const string CountSql = "SELECT count(*) FROM events;";
    /// <summary>Reads the highest sequence stored, 0 for an empty log.</summary>
    internal const string LastSequenceSql = "SELECT coalesce(max(sequence), 0) FROM events;";

    // A range scan of the rowid (sequence is the INTEGER PRIMARY KEY) that skips other types.
    // Deliberately no index on type: it would be one more B-tree for the single writer to update
    // on every append, for the sake of rare whole-log walks that read most rows anyway.
    private const string ScanSql = """
        SELECT sequence, event_id, stream_key, type, occurred_at_exact, payload
        FROM events
        WHERE sequence > $after AND type = $type
        ORDER BY sequence
        LIMIT $limit;
        """;

    private const string BeginSql = "BEGIN;";
    private const string EndSql = "COMMIT;";

    // A row of the tail, found by its sequence; the stream is checked too, because the tail may
    // still hold the sequence of an append that rolled back, since reused by another stream.
    private const string TailEventSql = """
        SELECT sequence, event_id, stream_key, type, occurred_at_exact, payload
        FROM events
        WHERE sequence = $sequence AND stream_key = $stream_key;
        """;

    // The most entries one indexing commit adds: a few milliseconds of the writer's time, where a
    // whole batch in one commit held every acknowledgement queued behind it for 60–100 ms.
    private const int IndexSliceEvents = 2048;

    private static readonly ConcurrentDictionary<int, (string Sql, string[] ParameterNames)> ReadStreamsStatements = new();
    private static readonly ConcurrentDictionary<int, (string Sql, string[] ParameterNames)> StreamStatsStatements = new();

    public Task<IReadOnlyList<AppendOutcome>> AppendAsync(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        cancellationToken.ThrowIfCancellationRequested();
        if (events.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<AppendOutcome>>([]);
        }

        var append = database.Writer.SubmitAsync(new AppendEventsOperation(events, database.StreamTail, cancellationToken));
        if (database.StreamTail.TryBeginIndexing(database.StreamIndexBatchEvents))
        {
            // On the thread pool: reading and sorting a batch takes milliseconds that this
            // append's caller must not wait for.
            _ = Task.Run(IndexStreamsAsync);
        }

        return database.Instruments.IsObservingAppends ? ObserveAppendAsync(append, events.Count, database.Instruments) : append;
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

        using var lease = database.RentReader();
        return await InSnapshotAsync(lease.Statements, keys, afterSequence, async (watermark, tail) =>
        {
            var events = new List<StoredEvent>();
            if (afterSequence < watermark)
            {
                var (sql, parameterNames) = ReadStreamsStatements.GetOrAdd(keys.Length, ReadStreamsStatement);
                var command = lease.Statements.Get(sql, parameterNames);
                BindStreamKeys(command, keys);
                command.Parameters[keys.Length].Value = afterSequence;
                command.Parameters[keys.Length + 1].Value = watermark;
                await ReadEventsAsync(command, events, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (streamKey, sequence) in tail)
            {
                await ReadEventsAsync(TailEvent(lease.Statements, streamKey, sequence), events, cancellationToken).ConfigureAwait(false);
            }

            return events;
        }).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> ScanAsync(string type, long afterSequence, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = database.RentReader();
        var command = lease.Statements.Get(ScanSql, "$after", "$type", "$limit");
        command.Parameters[0].Value = afterSequence;
        command.Parameters[1].Value = type;
        command.Parameters[2].Value = limit;
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

        using var lease = database.RentReader();
        return await InSnapshotAsync(lease.Statements, keys, 0, async (watermark, tail) =>
        {
            var (sql, parameterNames) = StreamStatsStatements.GetOrAdd(keys.Length, StreamStatsStatement);
            var command = lease.Statements.Get(sql, parameterNames);
            BindStreamKeys(command, keys);
            command.Parameters[keys.Length].Value = watermark;
            long count, last;
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                (count, last) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            foreach (var (streamKey, sequence) in tail)
            {
                using var reader = await TailEvent(lease.Statements, streamKey, sequence).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    (count, last) = (count + 1, Math.Max(last, sequence));
                }
            }

            return new StreamStats(count, last);
        }).ConfigureAwait(false);
    }

    /// <summary>The highest sequence stored: a read that costs one index lookup however long the log is.</summary>
    public async Task<long> ReadLastSequenceAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = database.RentReader();
        var last = await lease.Statements.Get(LastSequenceSql).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(last, CultureInfo.InvariantCulture);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var lease = database.RentReader();
        var count = await lease.Statements.Get(CountSql).ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(count, CultureInfo.InvariantCulture);
    }

    // The span lives on the caller's side, around the awaited write, because the writer is one loop
    // committing many callers' writes together: there it would belong to no single trace. Started
    // after the submit, so it adds nothing to the time the write waits.
    private static async Task<IReadOnlyList<AppendOutcome>> ObserveAppendAsync(Task<IReadOnlyList<AppendOutcome>> append, int count, SqliteStoreInstruments instruments)
    {
        var startedAt = Stopwatch.GetTimestamp();
        using var activity = SqliteStoreInstruments.StartAppend(count);
        var committed = false;
        try
        {
            var outcomes = await append.ConfigureAwait(false);
            committed = true;
            if (activity is { IsAllDataRequested: true })
            {
                var duplicates = 0;
                foreach (var outcome in outcomes)
                {
                    duplicates += outcome.IsDuplicate ? 1 : 0;
                }

                activity.SetTag("customer_engine.events.duplicates", duplicates);
            }

            return outcomes;
        }
        catch (Exception exception)
        {
            // Only the type: a message may quote the data that was refused.
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().FullName);
            activity?.SetTag("error.type", exception.GetType().FullName);
            throw;
        }
        finally
        {
            instruments.RecordAppend(Stopwatch.GetElapsedTime(startedAt), committed);
        }
    }

    // Reads the watermark and the tail in one snapshot of the file: the index answers for the events
    // at or below the watermark, the tail for those above it (the index may already hold some of
    // those, from the first slices of a batch, and they must not be read twice). A snapshot taken
    // before an indexing write committed may see an older watermark than the tail was since pruned
    // to; it starts over.
    private async Task<T> InSnapshotAsync<T>(PreparedStatements statements, string[] keys, long afterSequence, Func<long, List<(string StreamKey, long Sequence)>, Task<T>> read)
    {
        while (true)
        {
            statements.GetRaw(BeginSql).Execute();
            try
            {
                var watermark = (long)statements.Get(IndexStreamsOperation.WatermarkSql).ExecuteScalar()!;
                var (tail, prunedThrough) = database.StreamTail.Read(keys, Math.Max(afterSequence, watermark));
                if (prunedThrough <= watermark)
                {
                    return await read(watermark, tail).ConfigureAwait(false);
                }
            }
            finally
            {
                statements.GetRaw(EndSql).Execute();
            }
        }
    }

    private static SqliteCommand TailEvent(PreparedStatements statements, string streamKey, long sequence)
    {
        var command = statements.Get(TailEventSql, "$sequence", "$stream_key");
        command.Parameters[0].Value = sequence;
        command.Parameters[1].Value = streamKey;
        return command;
    }

    // One indexing batch at a time; a failure (the store closing, say) leaves the tail as it is,
    // and the next append past the batch size tries again. The batch ends at the newest committed
    // event: a committed sequence is never given out again, and its entry was in the tail before
    // its commit, so every event up to it is among the entries read after it.
    private async Task IndexStreamsAsync()
    {
        try
        {
            var (from, to) = ReadIndexingRange();
            var entries = database.StreamTail.Between(from, to);
            var start = 0;
            do
            {
                // At least one slice, even an empty one, since the last slice raises the watermark.
                var count = Math.Min(IndexSliceEvents, entries.Length - start);
                var last = start + count >= entries.Length;
                var slice = new ArraySegment<(string, long)>(entries, start, count);
                await database.Writer.SubmitAsync(new IndexStreamsOperation(slice, last ? to : null, CancellationToken.None)).ConfigureAwait(false);
                start += count;
            }
            while (start < entries.Length);

            database.StreamTail.Prune(to);
        }
        catch (Exception failure) when (failure is SqliteException or ObjectDisposedException or InvalidOperationException)
        {
        }
        finally
        {
            database.StreamTail.EndIndexing();
        }
    }

    // Two reads without a common snapshot: only this loop moves the watermark, one batch at a
    // time, and the newest committed sequence only grows.
    private (long From, long To) ReadIndexingRange()
    {
        using var lease = database.RentReader();
        var from = (long)lease.Statements.Get(IndexStreamsOperation.WatermarkSql).ExecuteScalar()!;
        var to = (long)lease.Statements.Get(LastSequenceSql).ExecuteScalar()!;
        return (from, Math.Max(from, to));
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await ReadEventsAsync(command, events, cancellationToken).ConfigureAwait(false);
        return events;
    }

    private static async Task ReadEventsAsync(SqliteCommand command, List<StoredEvent> events, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new StoredEvent(
                Sequence: reader.GetInt64(0),
                EventId: reader.GetString(1),
                StreamKey: reader.GetString(2),
                Type: reader.GetString(3),
                OccurredAt: DateTimeOffset.ParseExact(reader.GetString(4), "O", CultureInfo.InvariantCulture, DateTimeStyles.None),
                Payload: reader.GetFieldValue<byte[]>(5)));
        }
    }

    private static void BindStreamKeys(SqliteCommand command, string[] keys)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            command.Parameters[i].Value = keys[i];
        }
    }

    // One statement text per number of streams, so each shape is compiled once per connection;
    // a grain reads one stream, or a handful after an identity merge.
    private static (string Sql, string[] ParameterNames) ReadStreamsStatement(int streamCount)
    {
        var (inList, names) = StreamKeyList(streamCount);
        var sql = $"""
            SELECT e.sequence, e.event_id, e.stream_key, e.type, e.occurred_at_exact, e.payload
            FROM stream_index AS s CROSS JOIN events AS e ON e.sequence = s.sequence
            WHERE s.stream_key IN ({inList}) AND s.sequence > $after AND s.sequence <= $watermark
            ORDER BY s.sequence;
            """;
        return (sql, [.. names, "$after", "$watermark"]);
    }

    private static (string Sql, string[] ParameterNames) StreamStatsStatement(int streamCount)
    {
        var (inList, names) = StreamKeyList(streamCount);
        return ($"SELECT count(*), coalesce(max(sequence), 0) FROM stream_index WHERE stream_key IN ({inList}) AND sequence <= $watermark;", [.. names, "$watermark"]);
    }

    private static (string InList, string[] ParameterNames) StreamKeyList(int streamCount)
    {
        var names = new string[streamCount];
        for (var i = 0; i < streamCount; i++)
        {
            names[i] = string.Create(CultureInfo.InvariantCulture, $"$stream{i}");
        }

        return (string.Join(", ", names), names);
    }
}
