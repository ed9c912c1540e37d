using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Events;

/// <summary>What the SQLite event log keeps beyond what the conformance suite asks of every provider.</summary>
public sealed class SqliteEventLogTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task OccurredAt_keeps_every_tick()
    {
        var occurredAt = new DateTimeOffset(638_700_000_001_234_567, TimeSpan.FromMinutes(-210));
        await using var store = await _database.OpenStoreAsync();

        await store.AppendAsync([SampleEvents.Event("e1", "s1", occurredAt: occurredAt)]);

        var stored = Assert.Single(await store.ReadStreamsAsync(["s1"], 0));
        Assert.Equal(occurredAt.Ticks, stored.OccurredAt.Ticks);
        Assert.Equal(occurredAt.Offset, stored.OccurredAt.Offset);
    }

    [Fact]
    public async Task OccurredAt_is_also_kept_as_unix_milliseconds_for_queries()
    {
        var occurredAt = new DateTimeOffset(2025, 6, 1, 12, 0, 0, 250, TimeSpan.FromHours(2));
        await using (var store = await _database.OpenStoreAsync())
        {
            await store.AppendAsync([SampleEvents.Event("e1", "s1", occurredAt: occurredAt)]);
        }

        using var connection = _database.OpenConnection();
        Assert.Equal(occurredAt.ToUnixTimeMilliseconds(), SqlStatement.Execute(connection, "SELECT occurred_at FROM events WHERE event_id = 'e1';"));
    }

    [Fact]
    public async Task Events_are_indexed_by_id_alone_so_appends_pay_for_no_scan_by_type_or_stream()
    {
        await using (var store = await _database.OpenStoreAsync())
        {
            await store.AppendAsync([SampleEvents.Event("e1", "s1")]);
            Assert.Single(await store.ScanAsync("purchase", 0, 10));
        }

        using var connection = _database.OpenConnection();
        var indexedColumns = (string?)SqlStatement.Execute(
            connection, "SELECT group_concat(info.name, ',') FROM pragma_index_list('events') AS list, pragma_index_info(list.name) AS info;");
        Assert.Equal(["event_id"], indexedColumns!.Split(','));
    }
}
