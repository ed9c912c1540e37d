using System.Text;
using System.Text.Json.Nodes;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.CrossSell;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.Storage;
using CustomerEngine.Storage.Events;
using CustomerEngine.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Host.Tests.CrossSell;

/// <summary>The model is durable: restored from its checkpoint plus the log, or rebuilt from the log alone.</summary>
public sealed class CrossSellRestartTests
{
    private const string RulesQuery = "/api/cross-sell/rules?minSupport=0&minConfidence=0&limit=1000";

    [Fact]
    public async Task The_model_survives_a_restart_with_identical_rules_and_keeps_learning()
    {
        var purchases = Baskets.Purchases(Baskets.OutdoorShop, "restart");
        string rulesBefore, tentBefore;
        string path;
        await using (var first = new EngineFactory())
        {
            path = first.DatabasePath;
            var client = first.CreateClient();
            await first.CrossSellCaughtUpAsync();
            await client.IngestAllAsync(purchases);
            rulesBefore = (await client.GetJsonAsync(RulesQuery)).Body!.ToJsonString();
            tentBefore = (await client.GetJsonAsync("/api/products/tent/associations")).Body!.ToJsonString();
        }

        var log = new CapturedLog();
        await using var engine = new EngineFactory(path);
        var second = engine.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(log)));
        var restarted = second.CreateClient();
        await second.CrossSellCaughtUpAsync();
        var rulesAfter = (await restarted.GetJsonAsync(RulesQuery)).Body!.ToJsonString();
        var tentAfter = (await restarted.GetJsonAsync("/api/products/tent/associations")).Body!.ToJsonString();
        var resent = await restarted.IngestAsync(purchases[0]);
        await restarted.IngestAsync(Baskets.Purchase("restart-new", Baskets.Day.AddHours(1), [("tent", "camping", 100m), ("stove", "cooking", 40m)]));
        var (_, grown, _) = await restarted.GetJsonAsync(RulesQuery);

        Assert.Equal(rulesBefore, rulesAfter);
        Assert.Equal(tentBefore, tentAfter);

        // Restored from the checkpoint, not rebuilt: nothing was left to learn from the log.
        Assert.Contains(log.Messages, m => m.StartsWith("Cross-sell model caught up: 5 baskets (0 learned from the log", StringComparison.Ordinal));
        Assert.Equal(1, (int)resent["duplicates"]!);
        Assert.Equal(6, (long)grown!["baskets"]!);
        Assert.Equal(3, (long)grown["rules"]!.AsArray().Single(r => (string)r!["antecedent"]! == "tent" && (string)r["consequent"]! == "stove")!["count"]!);
        Assert.True(second.Services.GetRequiredService<CustomerEngine.CrossSell.Model.ICrossSellModelReader>().IsCaughtUp);
        await engine.DisposeAsync();
        EngineFactory.DeleteDatabase(path);
    }

    [Fact]
    public async Task A_stop_that_runs_out_of_time_leaves_the_checkpoint_as_it_was_instead_of_failing_the_stop()
    {
        var purchases = Baskets.Purchases(Baskets.OutdoorShop, "late");
        var log = new CapturedLog();
        await using var engine = new EngineFactory();
        var logged = engine.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(log)));
        var client = logged.CreateClient();
        await logged.CrossSellCaughtUpAsync();
        var lifetime = logged.Services.GetRequiredService<CrossSellModelLifetime>();
        await client.IngestAllAsync(purchases[..3]);
        await lifetime.CheckpointNowAsync();
        await client.IngestAllAsync(purchases[3..]);
        long checkpointed;
        await using (var store = await OpenStoreAsync(engine.DatabasePath))
        {
            checkpointed = (await store.ReadAsync(CrossSellModelLifetime.CheckpointId))!.Version;
        }

        await lifetime.StopAsync(new CancellationToken(canceled: true));

        await using (var store = await OpenStoreAsync(engine.DatabasePath))
        {
            Assert.Equal(checkpointed, (await store.ReadAsync(CrossSellModelLifetime.CheckpointId))!.Version);
        }

        Assert.Contains(log.Messages, m => m.StartsWith("The stop ran out of time before the cross-sell checkpoint", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Purchases_in_the_log_after_the_checkpoint_are_learned_at_start_up()
    {
        // The first three baskets reach the model and its checkpoint; the last two are appended to
        // the log behind the engine's back, as if it had crashed right after appending them.
        var purchases = Baskets.Purchases(Baskets.OutdoorShop, "tail");
        string path;
        await using (var first = new EngineFactory())
        {
            path = first.DatabasePath;
            var client = first.CreateClient();
            await first.CrossSellCaughtUpAsync();
            await client.IngestAllAsync(purchases[..3]);
        }

        await using (var store = await OpenStoreAsync(path))
        {
            Assert.NotNull(await store.ReadAsync(CrossSellModelLifetime.CheckpointId));
            await store.AppendAsync([.. purchases[3..].Select(ToAppend)]);
        }

        var expected = await RulesOfFreshEngineAsync(purchases);
        var log = new CapturedLog();
        await using var engine = new EngineFactory(path);
        var second = engine.WithWebHostBuilder(b => b.ConfigureLogging(logging => logging.AddProvider(log)));
        var restarted = second.CreateClient();
        await second.CrossSellCaughtUpAsync();
        var rules = (await restarted.GetJsonAsync(RulesQuery)).Body!.ToJsonString();

        Assert.Equal(expected, rules);
        Assert.Contains("\"baskets\":5", rules);
        Assert.Contains(log.Messages, m => m.StartsWith("Cross-sell model caught up: 5 baskets (2 learned from the log", StringComparison.Ordinal));
        await engine.DisposeAsync();
        EngineFactory.DeleteDatabase(path);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("corrupt")]
    public async Task Without_a_usable_checkpoint_the_model_is_rebuilt_from_the_whole_log(string checkpoint)
    {
        var purchases = Baskets.Purchases(Baskets.OutdoorShop, checkpoint);
        string path;
        await using (var first = new EngineFactory())
        {
            path = first.DatabasePath;
            var client = first.CreateClient();
            await first.CrossSellCaughtUpAsync();
            await client.IngestAllAsync(purchases);
        }

        await using (var store = await OpenStoreAsync(path))
        {
            var stored = await store.ReadAsync(CrossSellModelLifetime.CheckpointId);
            Assert.NotNull(stored);
            if (checkpoint == "missing")
            {
                await store.ClearAsync(CrossSellModelLifetime.CheckpointId, stored.Version);
            }
            else
            {
                await store.WriteAsync(CrossSellModelLifetime.CheckpointId, stored.Data[..(stored.Data.Length / 2)], stored.Version);
            }
        }

        var expected = await RulesOfFreshEngineAsync(purchases);
        await using var second = new EngineFactory(path);
        var restarted = second.CreateClient();
        await second.CrossSellCaughtUpAsync();
        var rules = (await restarted.GetJsonAsync(RulesQuery)).Body!.ToJsonString();

        Assert.Equal(expected, rules);
        Assert.Contains("\"baskets\":5", rules);
        await second.DisposeAsync();
        EngineFactory.DeleteDatabase(path);
    }

    [Fact]
    public async Task Purchases_posted_while_the_backfill_runs_are_each_learned_once()
    {
        // 3,000 baskets in the log and no checkpoint; 300 more are posted before and while the
        // backfill reads them, so the pipeline and the log walk race for the new ones.
        const int InLog = 3000;
        var random = new Random(7);
        var skus = Enumerable.Range(0, 12).Select(i => $"sku-{i}").ToArray();
        var all = Enumerable.Range(0, InLog + 300)
            .Select(i => Baskets.Purchase($"race-c{i % 40}", Baskets.Day.AddSeconds(i), skus.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(s => (s, (string?)null, 10m)), eventId: $"race-p{i}"))
            .ToArray();
        string path;
        await using (var first = new EngineFactory())
        {
            path = first.DatabasePath;
            var client = first.CreateClient();
            await first.CrossSellCaughtUpAsync();
            await client.IngestAllAsync(all[..InLog]);
        }

        await using (var store = await OpenStoreAsync(path))
        {
            var stored = await store.ReadAsync(CrossSellModelLifetime.CheckpointId);
            await store.ClearAsync(CrossSellModelLifetime.CheckpointId, stored!.Version);
        }

        var expected = await RulesOfFreshEngineAsync(all);
        var backfillMayRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = new EngineFactory(path);
        var second = engine.WithWebHostBuilder(b => b
            .UseSetting("CrossSell:BackfillPageSize", "1")
            .ConfigureServices(services => services.AddSingleton<IEventLog>(sp => new GatedEventLog(sp.GetRequiredService<IEngineStore>(), backfillMayRead.Task))));
        var restarted = second.CreateClient();
        var backfill = second.Services.GetRequiredService<CrossSellModelLifetime>().CaughtUp;

        // The first purchases reach the model before the backfill has read anything; the rest
        // while it reads the log one purchase at a time.
        var chunks = all[InLog..].Chunk(5).ToArray();
        await restarted.IngestAsync(chunks[0]);
        var postedDuringBackfill = backfill.IsCompleted ? 0 : chunks[0].Length;
        backfillMayRead.SetResult();
        foreach (var chunk in chunks[1..])
        {
            var running = !backfill.IsCompleted;
            await restarted.IngestAsync(chunk);
            postedDuringBackfill += running && !backfill.IsCompleted ? chunk.Length : 0;
        }

        await second.CrossSellCaughtUpAsync();
        var rules = (await restarted.GetJsonAsync(RulesQuery)).Body!.ToJsonString();

        Assert.True(postedDuringBackfill > 0, "the backfill finished before the first purchase was posted, so nothing raced");
        Assert.Equal(expected, rules);
        Assert.Contains($"\"baskets\":{all.Length}", rules);
        await engine.DisposeAsync();
        EngineFactory.DeleteDatabase(path);
    }

    [Fact]
    public async Task The_start_up_backfill_reports_its_progress_in_the_log()
    {
        var purchases = Baskets.Purchases(Enumerable.Repeat(Baskets.OutdoorShop, 6).SelectMany(b => b), "progress");
        string path;
        await using (var first = new EngineFactory())
        {
            path = first.DatabasePath;
            var client = first.CreateClient();
            await first.CrossSellCaughtUpAsync();
            await client.IngestAllAsync(purchases);
        }

        await using (var store = await OpenStoreAsync(path))
        {
            var stored = await store.ReadAsync(CrossSellModelLifetime.CheckpointId);
            await store.ClearAsync(CrossSellModelLifetime.CheckpointId, stored!.Version);
        }

        var log = new CapturedLog();
        await using var engine = new EngineFactory(path);
        var second = engine.WithWebHostBuilder(b => b
            .UseSetting("CrossSell:BackfillPageSize", "10")
            .UseSetting("CrossSell:ProgressInterval", "00:00:00")
            .ConfigureLogging(logging => logging.AddProvider(log)));
        _ = second.CreateClient();
        await second.CrossSellCaughtUpAsync();

        var progress = log.Messages.Where(m => m.StartsWith("Cross-sell backfill:", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, progress.Count);
        Assert.StartsWith("Cross-sell backfill: 10 baskets in the model, 10 learned from the log", progress[0], StringComparison.Ordinal);
        Assert.StartsWith("Cross-sell backfill: 30 baskets in the model, 30 learned from the log", progress[2], StringComparison.Ordinal);
        Assert.Contains(log.Messages, m => m.StartsWith("Cross-sell model caught up: 30 baskets (30 learned from the log", StringComparison.Ordinal));
        await engine.DisposeAsync();
        EngineFactory.DeleteDatabase(path);
    }

    private static async Task<string> RulesOfFreshEngineAsync(IReadOnlyList<JsonObject> purchases)
    {
        await using var reference = new EngineFactory();
        var client = reference.CreateClient();
        await reference.CrossSellCaughtUpAsync();
        await client.IngestAllAsync(purchases);
        var rules = (await client.GetJsonAsync(RulesQuery)).Body!.ToJsonString();
        await reference.DisposeAsync();
        EngineFactory.DeleteDatabase(reference.DatabasePath);
        return rules;
    }

    private static async Task<SqliteEngineStore> OpenStoreAsync(string path)
    {
        var store = new SqliteEngineStore(new SqliteStoreOptions { Path = path });
        await store.InitializeAsync();
        return store;
    }

    private static EventToAppend ToAppend(JsonObject wire)
    {
        var e = CustomerEventJson.Deserialize(Encoding.UTF8.GetBytes(wire.ToJsonString()));
        return new EventToAppend(e.EventId, e.StreamKey, e.Type, e.OccurredAt, CustomerEventJson.Serialize(e));
    }
}
