using System.Text.Json.Nodes;
using CustomerEngine.Domain.Value;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Customers;
using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Grains.Tests.TestEvents;

namespace CustomerEngine.Grains.Tests;

public sealed class ValueModelRankingTests
{
    private static readonly CustomerValueModel Cdnow = new(new BgNbdParameters(0.243, 4.414, 0.793, 2.426), new GammaGammaParameters(6.25, 3.74, 15.44));
    private static readonly CustomerQuery Everyone = new(null, null, null, null, 1, 500);

    [Fact]
    public async Task A_row_written_before_the_index_kept_the_model_inputs_is_republished_by_the_ranking()
    {
        await using var engine = await EngineHost.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await engine.AcceptAsync(Purchase("old-row", now.AddDays(-30)), Purchase("old-row", now.AddDays(-10), price: 25m));
        await engine.DeliveredAsync();
        await engine.IndexWriter.FlushAsync();
        var row = (await engine.Store.QueryAsync(Everyone)).Items.Single(r => r.CustomerId == "old-row");
        await engine.Store.UpsertAsync([row with { PurchaseDays = null, FirstPurchaseAt = null, RepeatDaySpend = 0m }]);
        engine.Services.GetRequiredService<ValueModelSnapshot>().Current = Cdnow;

        await engine.Grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RankValueAsync();

        var after = (await engine.Store.QueryAsync(Everyone)).Items.Single(r => r.CustomerId == "old-row");
        Assert.Equal((2, 25m), (after.PurchaseDays, after.RepeatDaySpend));
        Assert.NotNull(after.FirstPurchaseAt);
        engine.DeleteDatabase();
    }

    [Fact]
    public async Task A_snapshot_from_an_older_fold_is_rebuilt_from_the_log_when_the_customer_activates()
    {
        string path;
        var now = DateTimeOffset.UtcNow;
        await using (var first = await EngineHost.StartAsync())
        {
            path = first.DatabasePath;
            await first.AcceptAsync(Purchase("legacy", now.AddDays(-30)), Purchase("legacy", now.AddDays(-10), price: 25m));
        }

        // Rewrite the stored snapshot as a build before fold version 2 left it: no purchase days, no version.
        var id = new GrainStateId(typeof(ICustomerGrain).FullName!, "legacy", "customer");
        await using (var store = new CustomerEngine.Storage.Sqlite.SqliteEngineStore(new() { Path = path }))
        {
            await store.InitializeAsync();
            var stored = (await store.ReadAsync(id))!;
            var snapshot = JsonNode.Parse(stored.Data)!;
            var customer = snapshot["customer"]!;
            customer["foldVersion"] = 0;
            customer["stats"]!["purchaseDays"] = 0;
            customer["stats"]!["repeatDaySpend"] = 0;
            await store.WriteAsync(id, System.Text.Encoding.UTF8.GetBytes(snapshot.ToJsonString()), stored.Version);
        }

        await using var second = await EngineHost.StartAsync(path);
        await second.Grains.GetGrain<ICustomerGrain>("legacy").AdvanceClockAsync();
        await second.IndexWriter.FlushAsync();

        var row = (await second.Store.QueryAsync(Everyone)).Items.Single(r => r.CustomerId == "legacy");
        Assert.Equal((2, 25m), (row.PurchaseDays, row.RepeatDaySpend));
        second.DeleteDatabase();
    }
}
