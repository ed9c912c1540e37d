using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Ingestion;
using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Host.Hubs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>
/// The real host over a real SQLite file in a temp folder. Two factories over the same
/// <see cref="DatabasePath"/> are a restart of the engine.
/// </summary>
public sealed class EngineFactory : WebApplicationFactory<Program>
{
    private readonly TimeProvider? _clock;

    public EngineFactory(string? databasePath = null, TimeProvider? clock = null)
    {
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "ce-tests", Guid.NewGuid().ToString("N"), "engine.db");
        _clock = clock;
    }

    public string DatabasePath { get; }

    /// <summary>Once the grains have applied what was answered, writes pending index rows now instead of waiting for the flush interval.</summary>
    public async Task FlushIndexAsync()
    {
        await Services.GetRequiredService<CustomerEventPipeline>().DeliveredAsync();
        await Services.GetRequiredService<CustomerIndexWriter>().FlushAsync();
    }

    /// <summary>Once the grains have applied what was answered, sends the pushes they queued now instead of at the publisher's next flush.</summary>
    public async Task FlushPushesAsync()
    {
        await Services.GetRequiredService<CustomerEventPipeline>().DeliveredAsync();
        await Services.GetRequiredService<SignalREngagementPublisher>().FlushAsync();
    }

    /// <summary>Ranks the customer base now instead of waiting for the ranking reminder (the ranking itself waits for the batches already answered).</summary>
    public Task RankAsync() => Services.GetRequiredService<IGrainFactory>().GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RankValueAsync();

    /// <summary>Clients act as the development admin key unless a test removes the header.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin-key");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Path", DatabasePath);

        // Tests move the clock by weeks; a nightly value-model fit falling due would change stages and
        // tiers under them. Tests fit on demand, and a test of the schedule turns it back on.
        builder.UseSetting("ValueModels:ScheduledFits", "false");
        builder.ConfigureServices(services =>
        {
            if (_clock is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(_clock);
            }
        });
    }

    /// <summary>Deletes the database folder; call after the last factory over it is disposed.</summary>
    public static void DeleteDatabase(string databasePath)
    {
        var folder = Path.GetDirectoryName(databasePath)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
