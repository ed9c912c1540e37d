using System.Globalization;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite.ColumnFormats;
using CustomerEngine.Storage.Sqlite.Connections;
using CustomerEngine.Storage.Sqlite.Writing;

namespace CustomerEngine.Storage.Sqlite.Events;

/// <summary>
/// Appends one caller's batch; an event id already in the log, or earlier in the batch, is skipped
/// by the unique index. Each new event's stream goes to the <see cref="StreamTail"/>, not to an index.
/// </summary>
internal sealed class AppendEventsOperation : WriteOperation<IReadOnlyList<AppendOutcome>>
{
    private const string InsertSql = """
        INSERT INTO events (event_id, stream_key, type, occurred_at, occurred_at_exact, payload)
        VALUES ($event_id, $stream_key, $type, $occurred_at, $occurred_at_exact, $payload)
        ON CONFLICT (event_id) DO NOTHING;
        """;

    private readonly IReadOnlyList<EventToAppend> _events;
    private readonly StreamTail _tail;
    private readonly long[] _occurredAt;
    private readonly string[] _occurredAtExact;

    public AppendEventsOperation(IReadOnlyList<EventToAppend> events, StreamTail tail, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        _events = events;
        _tail = tail;
        _occurredAt = new long[events.Count];
        _occurredAtExact = new string[events.Count];

        // Validation and formatting happen on the caller's thread: the single writer is the
        // bottleneck of ingestion, so it should do nothing but bind and step.
        for (var i = 0; i < events.Count; i++)
        {
            var appended = events[i] ?? throw new ArgumentException($"Event {i} is null.", nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(appended.EventId, nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(appended.StreamKey, nameof(events));
            ArgumentException.ThrowIfNullOrEmpty(appended.Type, nameof(events));
            if (appended.Payload is null)
            {
                throw new ArgumentException($"Event {appended.EventId} has no payload.", nameof(events));
            }

            _occurredAt[i] = StoredInstant.ToColumn(appended.OccurredAt);
            _occurredAtExact[i] = appended.OccurredAt.ToString("O", CultureInfo.InvariantCulture);
        }
    }

    protected override IReadOnlyList<AppendOutcome> Apply(PreparedStatements statements)
    {
        var insert = statements.GetRaw(InsertSql, "$event_id", "$stream_key", "$type", "$occurred_at", "$occurred_at_exact", "$payload");
        var connection = statements.Connection.Handle;
        var outcomes = new AppendOutcome[_events.Count];
        for (var i = 0; i < _events.Count; i++)
        {
            var appended = _events[i];
            insert.BindText(1, appended.EventId);
            insert.BindText(2, appended.StreamKey);
            insert.BindText(3, appended.Type);
            insert.BindInt64(4, _occurredAt[i]);
            insert.BindText(5, _occurredAtExact[i]);
            insert.BindBlob(6, appended.Payload);

            // No row changed means the unique index skipped a duplicate. The sequence is read from
            // the connection rather than with RETURNING, which would step a row back per insert.
            if (insert.Execute() == 1)
            {
                var sequence = SQLitePCL.raw.sqlite3_last_insert_rowid(connection);
                _tail.Add(appended.StreamKey, sequence);
                outcomes[i] = new AppendOutcome(sequence);
            }
            else
            {
                outcomes[i] = AppendOutcome.Duplicate;
            }
        }

        return outcomes;
    }
}
