using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Storage.Postgres.Tests.EngineHost;

/// <summary>The real host in Development, on PostgreSQL. Two factories over one database are a restart of the engine, or two nodes when both are alive.</summary>
public sealed class EngineOnPostgresFactory(string connectionString, string provider = "Postgres", IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>
    /// Ranks the base now, as the engine does at start: a customer's RFM scores rank it among the
    /// base, so a restart would otherwise rank what the first run had not. The ranking waits for the
    /// batches already answered and writes pending index rows first.
    /// </summary>
    public Task RankAsync() =>
        Services.GetRequiredService<IGrainFactory>().GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RankValueAsync();

    /// <summary>Clients act as the development admin key.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin-key");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Provider", provider);
        builder.UseSetting("ConnectionStrings:Engine", connectionString);

        // A nightly fit falling due would change the view between the two reads.
        builder.UseSetting("ValueModels:ScheduledFits", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
