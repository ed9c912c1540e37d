using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.Storage.Postgres.Tests.Support;

using static CustomerEngine.Storage.Postgres.Tests.EngineHost.EngineCalls;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>The whole engine, through HTTP, with <c>Storage:Provider=Postgres</c>.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EngineOnPostgresTests
{
    [Fact]
    public async Task Customer_posted_to_the_engine_on_postgres_reads_back_the_same_after_a_restart()
    {
        await using var database = await TemporaryDatabase.CreateAsync();
        var id = $"c-{Guid.NewGuid():N}";
        var day = DateTimeOffset.UtcNow.AddDays(-3);
        var purchase = Event("purchase", id, day.AddHours(1), new JsonObject
        {
            ["orderId"] = "o-1",
            ["items"] = new JsonArray { new JsonObject { ["sku"] = "TENT-1", ["category"] = "tents", ["brand"] = "Acme", ["price"] = 75m, ["quantity"] = 1 } },
            ["total"] = 75m,
        });
        var registered = Event("customer.registered", id, day, new JsonObject { ["name"] = "Ada Lovelace", ["kind"] = "individual", ["homeStoreId"] = "S1" });

        string before;
        await using (var first = new EngineOnPostgresFactory(database.ConnectionString))
        {
            var client = first.CreateClient();
            var accepted = await PostEventsAsync(client, registered, purchase);
            Assert.Equal(2, (int)accepted["accepted"]!);
            await first.RankAsync();

            var customer = await GetCustomerAsync(client, id);
            Assert.Equal("Ada Lovelace", (string?)customer["name"]);
            Assert.Equal(1, (int)customer["stats"]!["purchases"]!);
            Assert.Equal(75m, (decimal)customer["stats"]!["spend"]!);
            before = customer.ToJsonString();
        }

        await using var second = new EngineOnPostgresFactory(database.ConnectionString);
        var restarted = second.CreateClient();
        var after = (await GetCustomerAsync(restarted, id)).ToJsonString();
        var resent = await PostEventsAsync(restarted, purchase);

        Assert.Equal(before, after);
        Assert.Equal(1, (int)resent["duplicates"]!);
        Assert.Equal(2L, await database.ExecuteAsync($"SELECT count(*) FROM events WHERE stream_key = '{id}'"));
    }
}
