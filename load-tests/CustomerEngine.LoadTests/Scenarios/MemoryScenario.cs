using System.Diagnostics;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Hosting;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.LoadTests.Load;
using CustomerEngine.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// Managed heap per active customer grain: activates <c>--customers</c> customer grains (figure 2
/// of docs/performance.md uses 1,000,000), each with a full default history of 20 interactions,
/// and divides the growth of the heap after a full collection by the number of grains.
/// </summary>
public static class MemoryScenario
{
    private const int InteractionsPerCustomer = 20;

    public static async Task<MemoryResult> RunAsync(LoadOptions options)
    {
        var customers = options.Customers;
        var folder = Path.Combine(Path.GetTempPath(), "ce-memory", Guid.NewGuid().ToString("N"));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSqliteEngineStore(o => o.Path = Path.Combine(folder, "engine.db"));
        builder.Services.AddCustomerGrains(new ConfigurationBuilder().Build());
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var runtime = host.Services.GetRequiredService<GrainRuntime>();
        var index = host.Services.GetRequiredService<CustomerIndexWriter>();

        // Bounded, and made before the first measure, so the tool's own samples stay out of the heap's growth.
        var latency = LatencyRecorder.Bounded();
        var before = Measure();
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        var sequence = 0L;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, customers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, _) =>
        {
            var started = clock.Elapsed;
            var id = $"mem-{c}";
            var events = new SequencedEvent[InteractionsPerCustomer];
            for (var i = 0; i < InteractionsPerCustomer; i++)
            {
                events[i] = new SequencedEvent(Interlocked.Increment(ref sequence), Interaction(id, c, i, start.AddMinutes(i)));
            }

            await grains.GetGrain<ICustomerGrain>(id).ApplyAsync(events);
            latency.Record((clock.Elapsed - started).TotalMilliseconds);
            if (c % 100_000 == 0)
            {
                Console.Error.WriteLine($"  {c:N0} customers activated");
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        await index.FlushAsync();
        var after = Measure();
        var perGrain = (double)(after - before) / customers;
        var activations = runtime.ActivationCount;
        Console.Error.WriteLine($"  {activations:N0} activations, heap {before / 1048576.0:N0} MiB -> {after / 1048576.0:N0} MiB");

        await host.StopAsync();
        Directory.Delete(folder, recursive: true);
        var applied = (long)customers * InteractionsPerCustomer;
        return new MemoryResult(new LoadResult("memory", null, Math.Round(seconds, 2), applied, 0, Math.Round(applied / seconds), latency.Summarise(), InteractionsPerCustomer, latency.Count))
        {
            Customers = customers,
            InteractionsPerCustomer = InteractionsPerCustomer,
            BytesPerGrain = Math.Round(perGrain),
            HeapBeforeBytes = before,
            HeapAfterBytes = after,
            Activations = activations,
        };
    }

    private static long Measure()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static CustomerEvent Interaction(string id, int customer, int i, DateTimeOffset at) => (i % 4) switch
    {
        0 => new CustomerEvent($"{id}-{i}", id, null, EventTypes.StoreEntered, at, $"S{customer % 50}", EventChannel.Store, new StoreEntered()),
        1 => new CustomerEvent($"{id}-{i}", id, null, EventTypes.ProductViewed, at, $"S{customer % 50}", EventChannel.Store, new ProductViewed($"SKU-{i}", "tents", "Nordic", 99m)),
        2 => new CustomerEvent($"{id}-{i}", id, null, EventTypes.Purchase, at, $"S{customer % 50}", EventChannel.Store,
            new Purchase($"o-{id}-{i}", [new PurchaseItem($"SKU-{i}", "tents", "Nordic", 99m, 1, 0m)], 99m)),
        _ => new CustomerEvent($"{id}-{i}", id, null, EventTypes.StoreLeft, at, $"S{customer % 50}", EventChannel.Store, new StoreLeft()),
    };
}
