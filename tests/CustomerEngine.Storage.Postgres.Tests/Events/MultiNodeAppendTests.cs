using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Events;

/// <summary>Several engine processes appending to one database keep the log's guarantees.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiNodeAppendTests : StoresOverOneDatabase
{
    [Fact]
    public async Task A_scan_racing_with_appends_from_several_nodes_misses_no_event()
    {
        // Each node draws sequences for its own transactions; without one order of commits a
        // reader could see a later sequence from one node before an earlier one from another.
        const int BatchesPerWriter = 15;
        var writing = Task.WhenAll(Nodes.SelectMany((node, n) => Enumerable.Range(0, 3).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; batch < BatchesPerWriter; batch++)
            {
                await node.AppendAsync([SampleEvents.Event($"n{n}-w{writer}-b{batch}-p", $"s{n}-{writer}"), SampleEvents.Event($"n{n}-w{writer}-b{batch}-v", $"s{n}-{writer}", type: "product.viewed")]);
            }
        }))));

        var scanned = new List<StoredEvent>();
        var after = 0L;
        while (true)
        {
            var done = writing.IsCompleted;
            var page = await Nodes[0].ScanAsync("purchase", after, 7);
            scanned.AddRange(page);
            after = page.Count > 0 ? page[^1].Sequence : after;
            if (done && page.Count < 7)
            {
                break;
            }
        }

        await writing;
        Assert.Equal(Nodes.Length * 3 * BatchesPerWriter, scanned.Count);
        Assert.Equal(scanned.Count, scanned.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public async Task The_same_events_appended_through_several_nodes_are_stored_once()
    {
        var events = Enumerable.Range(0, 30).Select(i => SampleEvents.Event($"e{i}", $"s{i % 3}")).ToList();

        var outcomes = await Task.WhenAll(Nodes.Select(node => Task.Run(() => node.AppendAsync(events))));

        var stored = outcomes.SelectMany(o => o.Zip(events, (outcome, e) => (e.EventId, outcome.Sequence))).Where(o => o.Sequence is not null).ToList();
        Assert.Equal(events.Select(e => e.EventId).Order(), stored.Select(o => o.EventId).Order());
        Assert.Equal(events.Count, await Nodes[1].CountAsync());
    }
}
