using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Writing;
using Npgsql;
using NpgsqlTypes;

namespace CustomerEngine.Storage.Postgres.Events;

/// <summary>
/// Appends one caller's batch in one statement. The unique event id makes the database skip an
/// event already stored; an id repeated within the batch is dropped here, first occurrence kept.
/// </summary>
internal sealed class AppendEventsOperation : WriteOperation<IReadOnlyList<AppendOutcome>>
{
    // Rows are inserted in input order (ORDER BY ordinality), so sequences follow the input order.
    private const string InsertSql = """
        INSERT INTO events (event_id, stream_key, type, occurred_at, occurred_at_offset_minutes, payload)
        SELECT e.event_id, e.stream_key, e.type, e.occurred_at, e.offset_minutes, e.payload
        FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::smallint[], $6::bytea[])
             WITH ORDINALITY AS e(event_id, stream_key, type, occurred_at, offset_minutes, payload, position)
        ORDER BY e.position
        ON CONFLICT (event_id) DO NOTHING
        RETURNING event_id, sequence
        """;

    private readonly int _count;
    private readonly int[] _uniqueIndexOf;
    private readonly string[] _eventIds;
    private readonly string[] _streamKeys;
    private readonly string[] _types;
    private readonly DateTime[] _occurredAt;
    private readonly short[] _offsetMinutes;
    private readonly byte[][] _payloads;
    private readonly Dictionary<string, int> _positionById;

    public AppendEventsOperation(IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken)
        : base(cancellationToken)
    {
        // Validation and conversion happen on the caller's thread: the single writer is the
        // bottleneck of ingestion, so it should do nothing but send and read.
        _count = events.Count;
        _uniqueIndexOf = new int[events.Count];
        var positionById = _positionById = new Dictionary<string, int>(events.Count, StringComparer.Ordinal);
        var unique = new List<EventToAppend>(events.Count);
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

            if (positionById.TryAdd(appended.EventId, unique.Count))
            {
                _uniqueIndexOf[i] = unique.Count;
                unique.Add(appended);
            }
            else
            {
                _uniqueIndexOf[i] = -1;
            }
        }

        _eventIds = [.. unique.Select(e => e.EventId)];
        _streamKeys = [.. unique.Select(e => e.StreamKey)];
        _types = [.. unique.Select(e => e.Type)];
        _occurredAt = [.. unique.Select(e => e.OccurredAt.UtcDateTime)];
        _offsetMinutes = [.. unique.Select(e => checked((short)e.OccurredAt.Offset.TotalMinutes))];
        _payloads = [.. unique.Select(e => e.Payload)];
    }

    public override bool AppendsEvents => true;

    public override NpgsqlBatchCommand CreateCommand() => new(InsertSql)
    {
        Parameters =
        {
            new NpgsqlParameter<string[]> { TypedValue = _eventIds },
            new NpgsqlParameter<string[]> { TypedValue = _streamKeys },
            new NpgsqlParameter<string[]> { TypedValue = _types },
            new NpgsqlParameter<DateTime[]> { TypedValue = _occurredAt, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
            new NpgsqlParameter<short[]> { TypedValue = _offsetMinutes },
            new NpgsqlParameter<byte[][]> { TypedValue = _payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea },
        },
    };

    public override async ValueTask ReadResultAsync(NpgsqlDataReader result)
    {
        var sequences = new long?[_eventIds.Length];
        while (await result.ReadAsync().ConfigureAwait(false))
        {
            sequences[_positionById[result.GetString(0)]] = result.GetInt64(1);
        }

        var outcomes = new AppendOutcome[_count];
        for (var i = 0; i < _count; i++)
        {
            outcomes[i] = _uniqueIndexOf[i] >= 0 ? new AppendOutcome(sequences[_uniqueIndexOf[i]]) : AppendOutcome.Duplicate;
        }

        Succeed(outcomes);
    }
}
