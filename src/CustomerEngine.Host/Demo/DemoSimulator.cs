using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Host.Security;
using CustomerEngine.Simulation.Shoppers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Demo;

/// <summary>
/// Brings a fresh engine to life: it posts a history that puts customers in every lifecycle stage,
/// then a steady stream of store visits, through the public event API with a key of its own, like
/// any other client would.
/// </summary>
internal sealed class DemoSimulator(
    IOptions<DemoOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    CredentialDirectory credentials,
    TimeProvider clock,
    CustomerIndexWriter index,
    IGrainFactory grains,
    ILogger<DemoSimulator> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await WaitForStartAsync(stoppingToken);
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            logger.LogWarning("Demo simulator: the server has no address to post to; not started");
            return;
        }

        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal)) };
        http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, credentials.IssueKey("demo-simulator", EngineClaims.Ingest));
        var simulator = new RetailSimulator(settings.Seed, settings.Customers, settings.Stores);
        logger.LogInformation("Demo simulator: {Customers} customers in stores {Stores}; open {Address}staff and sign in as staff-s1 / demo", settings.Customers, string.Join(", ", simulator.Stores), http.BaseAddress);

        try
        {
            await PostHistoryAsync(http, simulator, stoppingToken);

            // Tiers are quintiles of the whole base, ranked every few minutes; rank the new base now
            // so the dashboards show real tiers from the start.
            await index.FlushAsync();
            await grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RankValueAsync();
            await RunLiveAsync(http, simulator, settings.EventsPerSecond, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task PostHistoryAsync(HttpClient http, RetailSimulator simulator, CancellationToken cancellationToken)
    {
        var history = simulator.History(clock.GetUtcNow()).ToList();
        for (var posted = 0; posted < history.Count; posted += BatchSize)
        {
            await PostAsync(http, history.Skip(posted).Take(BatchSize), cancellationToken);
            logger.LogInformation("Demo history: {Posted:N0} of {Total:N0} events", Math.Min(posted + BatchSize, history.Count), history.Count);
        }
    }

    private async Task RunLiveAsync(HttpClient http, RetailSimulator simulator, int eventsPerSecond, CancellationToken cancellationToken)
    {
        // Four ticks a second keep the stream steady without a request per event.
        var perTick = Math.Max(1, eventsPerSecond / 4);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), clock);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await PostAsync(http, simulator.Next(perTick, clock.GetUtcNow()), cancellationToken);
        }
    }

    private async Task PostAsync(HttpClient http, IEnumerable<JsonObject> events, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("/api/events", new JsonArray([.. events]), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Demo simulator: the engine answered {Status}", (int)response.StatusCode);
            }
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Demo simulator: posting failed; it carries on");
        }
    }

    private async Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
