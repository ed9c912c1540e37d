using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task Events_and_customer_state_survive_a_restart_and_old_event_ids_stay_duplicates()
    {
        var id = $"c-{Guid.NewGuid():N}";
        var day = DateTimeOffset.UtcNow.AddDays(-3);
        var purchase = Purchase(id, day.AddHours(1), price: 75m);
        string before;
        string databasePath;
        await using (var first = new EngineFactory())
        {
            databasePath = first.DatabasePath;
            var client = first.CreateClient();
            await client.IngestAsync(Registered(id, day), Entered(id, day.AddMinutes(30)), purchase, Feedback(id, day.AddHours(2), nps: 9));
            await first.RankAsync();
            before = (await client.CustomerAsync(id)).ToJsonString();
        }

        await using var second = new EngineFactory(databasePath);
        var restarted = second.CreateClient();
        var after = (await restarted.CustomerAsync(id)).ToJsonString();
        var resent = await restarted.IngestAsync(purchase);
        await second.FlushIndexAsync();
        var (_, list, _) = await restarted.GetJsonAsync("/api/customers?stage=new&pageSize=500");

        Assert.Equal(before, after);
        Assert.Equal(1, (int)resent["duplicates"]!);
        Assert.Contains(list!["items"]!.AsArray(), i => (string?)i!["customerId"] == id);
        await second.DisposeAsync();
        EngineFactory.DeleteDatabase(databasePath);
    }
}
