using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Reminders;

/// <summary>Several engine processes polling one reminder table deliver each firing once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MultiNodeReminderTests : StoresOverOneDatabase
{
    [Fact]
    public async Task Nodes_that_all_read_a_firing_as_due_claim_it_once_each_time()
    {
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await Nodes[0].UpsertAsync(new ReminderEntry("IStorePresenceGrain", "store-1", "presence-timeouts", start, TimeSpan.FromMinutes(1)));

        for (var firing = 0; firing < 20; firing++)
        {
            var now = start.AddMinutes(firing);
            var read = await Task.WhenAll(Nodes.Select(node => ((IReminderTable)node).ReadDueAsync(now, 10)));
            Assert.All(read, due => Assert.Single(due));

            var claims = await Task.WhenAll(Nodes.Select((node, n) => Task.Run(() => node.TryClaimAsync(read[n][0], now.AddMinutes(5)))));
            Assert.Single(claims, won => won);

            // The winner delivers, then moves the reminder on to its next period, as the poller does.
            Assert.True(await Nodes[Array.IndexOf(claims, true)].TryClaimAsync(read[0][0] with { DueAt = now.AddMinutes(5) }, now.AddMinutes(1)));
        }
    }
}
