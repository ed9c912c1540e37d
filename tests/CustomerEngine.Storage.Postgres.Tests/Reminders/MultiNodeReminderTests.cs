using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Reminders;

/// <summary>Several engine processes polling one reminder table deliver each firing once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiNodeReminderTests : IAsyncLifetime
{
    private TemporaryDatabase _database = null!;
    private PostgresEngineStore[] _nodes = [];

    public async Task InitializeAsync()
    {
        _database = await TemporaryDatabase.CreateAsync();
        _nodes = [await _database.OpenStoreAsync(), await _database.OpenStoreAsync(), await _database.OpenStoreAsync()];
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Nodes_that_all_read_a_firing_as_due_claim_it_once_each_time()
    {
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await _nodes[0].UpsertAsync(new ReminderEntry("IStorePresenceGrain", "store-1", "presence-timeouts", start, TimeSpan.FromMinutes(1)));

        for (var firing = 0; firing < 20; firing++)
        {
            var now = start.AddMinutes(firing);
            var read = await Task.WhenAll(_nodes.Select(node => ((IReminderTable)node).ReadDueAsync(now, 10)));
            Assert.All(read, due => Assert.Single(due));

            var claims = await Task.WhenAll(_nodes.Select((node, n) => Task.Run(() => node.TryClaimAsync(read[n][0], now.AddMinutes(5)))));
            Assert.Single(claims, won => won);

            // The winner delivers, then moves the reminder on to its next period, as the poller does.
            Assert.True(await _nodes[Array.IndexOf(claims, true)].TryClaimAsync(read[0][0] with { DueAt = now.AddMinutes(5) }, now.AddMinutes(1)));
        }
    }
}
