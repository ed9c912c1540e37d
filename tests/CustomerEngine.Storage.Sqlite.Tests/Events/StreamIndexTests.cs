using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Events;

/// <summary>
/// A customer's events are found through the stream index up to its watermark and through memory
/// above it (decision 82): whichever holds them, nothing is missed, repeated or out of order.
/// </summary>
public sealed class StreamIndexTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Events_not_yet_indexed_are_found_again_after_a_restart()
    {
        var options = await StoreThreeEventsUnindexedAsync();

        using (var connection = _database.OpenConnection())
        {
            Assert.Equal(0L, SqlStatement.Execute(connection, "SELECT count(*) FROM stream_index;"));
        }

        await using var reopened = await _database.OpenStoreAsync(options);
        Assert.Equal(["e1", "e3"], (await reopened.ReadStreamsAsync(["s1"], 0)).Select(e => e.EventId));
        Assert.Equal(new StreamStats(2, 3), await reopened.ReadStreamStatsAsync(["s1"]));
    }

    [Fact]
    public async Task A_full_batch_is_indexed_sorted_by_stream_and_still_read_in_order()
    {
        await using var store = await _database.OpenStoreAsync(_database.Options with { StreamIndexBatchEvents = 4 });
        for (var i = 1; i <= 12; i++)
        {
            await store.AppendAsync([SampleEvents.Event($"e{i}", $"s{i % 3}")]);
        }

        await WaitForWatermarkAsync(atLeast: 8);
        Assert.Equal(["e1", "e4", "e7", "e10"], (await store.ReadStreamsAsync(["s1"], 0)).Select(e => e.EventId));
        Assert.Equal(["e7", "e10"], (await store.ReadStreamsAsync(["s1"], 6)).Select(e => e.EventId));
        Assert.Equal(new StreamStats(8, 12), await store.ReadStreamStatsAsync(["s1", "s0"]));

        using var connection = _database.OpenConnection();
        var watermark = (long)SqlStatement.Execute(connection, "SELECT sequence FROM stream_index_watermark;")!;
        Assert.Equal(watermark, SqlStatement.Execute(connection, "SELECT count(*) FROM stream_index;"));
    }

    [Fact]
    public async Task Readers_racing_the_indexing_writes_never_miss_or_repeat_an_event()
    {
        await using var store = await _database.OpenStoreAsync(_database.Options with { StreamIndexBatchEvents = 3 });
        using var stop = new CancellationTokenSource();
        var failures = new List<string>();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var seen = 0;
            while (!stop.IsCancellationRequested)
            {
                var events = await store.ReadStreamsAsync(["hot"], 0);
                var sequences = events.Select(e => e.Sequence).ToList();
                if (events.Count < seen || !sequences.SequenceEqual(sequences.Order().Distinct()))
                {
                    lock (failures)
                    {
                        failures.Add($"{seen} seen before, then {string.Join(',', sequences)}");
                    }
                }

                seen = Math.Max(seen, events.Count);
            }
        })).ToArray();

        for (var i = 0; i < 300; i++)
        {
            await store.AppendAsync([SampleEvents.Event($"hot-{i}", "hot"), SampleEvents.Event($"cold-{i}", $"cold-{i % 7}")]);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Empty(failures);
        Assert.Equal(300, (await store.ReadStreamsAsync(["hot"], 0)).Count);
    }

    [Fact]
    public async Task A_batch_written_in_several_commits_finds_every_event_once()
    {
        // 9,000 entries are five of the indexing's commits (decision 86).
        await using var store = await _database.OpenStoreAsync(_database.Options with { StreamIndexBatchEvents = 9_000 });
        for (var batch = 0; batch < 90; batch++)
        {
            await store.AppendAsync([.. Enumerable.Range(batch * 100, 100).Select(i => SampleEvents.Event($"e{i}", $"s{i % 30}"))]);
        }

        // The append after the batch is full is the one that starts its indexing.
        await store.AppendAsync([SampleEvents.Event("late", "other")]);
        await WaitForWatermarkAsync(atLeast: 9_000);
        for (var stream = 0; stream < 30; stream++)
        {
            var expected = Enumerable.Range(0, 9_000).Where(i => i % 30 == stream).Select(i => $"e{i}");
            Assert.Equal(expected, (await store.ReadStreamsAsync([$"s{stream}"], 0)).Select(e => e.EventId));
        }

        Assert.Equal(new StreamStats(600, 9_000), await store.ReadStreamStatsAsync(["s29", "s0"]));
        using var connection = _database.OpenConnection();
        Assert.Equal(9_000L, SqlStatement.Execute(connection, "SELECT count(*) FROM stream_index WHERE stream_key <> 'other';"));
    }

    [Fact]
    public async Task Index_rows_of_a_batch_cut_short_above_the_watermark_are_not_read_twice()
    {
        var options = await StoreThreeEventsUnindexedAsync();

        // What the first commits of a batch leave when the process dies before its last one.
        using (var connection = _database.OpenConnection())
        {
            SqlStatement.Execute(connection, "INSERT INTO stream_index (stream_key, sequence) SELECT stream_key, sequence FROM events WHERE stream_key = 's1';");
        }

        await using var reopened = await _database.OpenStoreAsync(options);
        Assert.Equal(["e1", "e3"], (await reopened.ReadStreamsAsync(["s1"], 0)).Select(e => e.EventId));
        Assert.Equal(["e3"], (await reopened.ReadStreamsAsync(["s1"], 1)).Select(e => e.EventId));
        Assert.Equal(new StreamStats(3, 3), await reopened.ReadStreamStatsAsync(["s1", "s2"]));
    }

    [Fact]
    public async Task A_file_from_schema_version_3_is_indexed_on_upgrade()
    {
        await using (var store = await _database.OpenStoreAsync())
        {
            await store.AppendAsync([SampleEvents.Event("e1", "s1"), SampleEvents.Event("e2", "s2"), SampleEvents.Event("e3", "s1")]);
        }

        using (var connection = _database.OpenConnection())
        {
            SqlStatement.Execute(connection, """
                DROP TABLE stream_index;
                DROP TABLE stream_index_watermark;
                CREATE INDEX events_by_stream ON events (stream_key, sequence);
                PRAGMA user_version = 3;
                """);
        }

        await using (var upgraded = await _database.OpenStoreAsync())
        {
            Assert.Equal(["e1", "e3"], (await upgraded.ReadStreamsAsync(["s1"], 0)).Select(e => e.EventId));
        }

        using var check = _database.OpenConnection();
        Assert.Equal(3L, SqlStatement.Execute(check, "SELECT count(*) FROM stream_index;"));
        Assert.Equal(3L, SqlStatement.Execute(check, "SELECT sequence FROM stream_index_watermark;"));
        Assert.Equal(0L, SqlStatement.Execute(check, "SELECT count(*) FROM sqlite_master WHERE name = 'events_by_stream';"));
    }

    // e1 and e3 in stream s1, e2 in s2, all above the watermark, and the store closed.
    private async Task<SqliteStoreOptions> StoreThreeEventsUnindexedAsync()
    {
        var options = _database.Options with { StreamIndexBatchEvents = 1_000 };
        await using var store = await _database.OpenStoreAsync(options);
        await store.AppendAsync([SampleEvents.Event("e1", "s1"), SampleEvents.Event("e2", "s2"), SampleEvents.Event("e3", "s1")]);
        return options;
    }

    private async Task WaitForWatermarkAsync(long atLeast)
    {
        using var connection = _database.OpenConnection();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)SqlStatement.Execute(connection, "SELECT sequence FROM stream_index_watermark;")! < atLeast)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The stream index did not reach sequence {atLeast} within 10 s.");
            await Task.Delay(20);
        }
    }
}
