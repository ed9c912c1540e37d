using System.Diagnostics;
using System.Globalization;
using System.Text;
using CustomerEngine.Host.Hosting;
using CustomerEngine.LoadTests.Load;
using CustomerEngine.Storage;
using CustomerEngine.Storage.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// Durable appends straight into the configured store, without HTTP or grains: <c>--concurrency</c>
/// callers each append a batch of <c>--batch</c> events and wait for it to commit, for
/// <c>--duration</c> after <c>--warmup</c>. What the store alone can take, to set against ingest.
/// </summary>
public static class StoreAppendScenario
{
    public static async Task<LoadResult> RunAsync(LoadOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ce-append", Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder, "engine.db"),
            ["Storage:Provider"] = options.Storage == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Engine"] = options.Connection,
        }).Build();
        var services = new ServiceCollection().AddEngineStore(configuration);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IEngineStore>();
        await store.InitializeAsync();

        var latencies = new LatencyRecorder();
        long appended = 0;
        long errors = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = options.Warmup;
        var measureUntil = options.Warmup + options.Duration;
        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(caller => Task.Run(async () =>
        {
            var random = new Random(options.Seed + caller);
            for (var batch = 0; clock.Elapsed < measureUntil; batch++)
            {
                var events = Enumerable.Range(0, options.BatchSize).Select(i => Event(random, caller, batch, i, options.Customers)).ToList();
                var started = clock.Elapsed;
                try
                {
                    await store.AppendAsync(events);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref errors);
                    continue;
                }

                if (started >= measureFrom && clock.Elapsed <= measureUntil)
                {
                    latencies.Record((clock.Elapsed - started).TotalMilliseconds);
                    Interlocked.Add(ref appended, events.Count);
                }
            }
        })));

        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        return new LoadResult("append", null, options.Duration.TotalSeconds, appended, errors, appended / options.Duration.TotalSeconds,
            latencies.Summarise(), options.BatchSize, latencies.Count);
    }

    // About the size of the ingest scenario's events (260 bytes of JSON), each for a random customer.
    private static EventToAppend Event(Random random, int caller, int batch, int position, int customers)
    {
        var customer = string.Create(CultureInfo.InvariantCulture, $"c-{random.Next(customers)}");
        var eventId = string.Create(CultureInfo.InvariantCulture, $"{caller}-{batch}-{position}-{Guid.NewGuid():N}");
        var payload = Encoding.UTF8.GetBytes($$"""{"eventId":"{{eventId}}","customerId":"{{customer}}","type":"product.viewed","data":{"sku":"SKU-{{random.Next(5000)}}","category":"tents","brand":"Nordic","price":129.90},"padding":"{{new string('x', 80)}}"}""");
        return new EventToAppend(eventId, customer, "product.viewed", DateTimeOffset.UtcNow, payload);
    }
}
