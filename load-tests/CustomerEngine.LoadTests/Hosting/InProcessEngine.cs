using CustomerEngine.Host.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// The real engine on Kestrel on a free loopback port, over a fresh SQLite file, so the tool works
/// on a fresh machine, or over a PostgreSQL database given by connection string.
/// </summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EngineSettings _settings;

    private InProcessEngine(WebApplication app, EngineSettings settings, Uri address)
    {
        _app = app;
        _settings = settings;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The engine's services, for scenarios that read its counters directly.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>An admin key made for this run only.</summary>
    public string ApiKey => _settings.ApiKey;

    public static async Task<InProcessEngine> StartAsync(string storage = "sqlite", string? connection = null)
    {
        var settings = EngineSettings.Create(storage, connection);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory, Args = HostArguments.For([]) });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in settings.Values)
        {
            builder.Configuration[key] = value;
        }

        builder.AddCustomerEngine();
        builder.Services.AddSingleton<IHostLifetime, ToolOwnedLifetime>();

        // The tool's folder has no wwwroot: the engine it hosts serves the API, not the dashboards,
        // and the static-file middleware's warning about it would open every run's output.
        builder.Logging.AddFilter("Microsoft.AspNetCore.StaticFiles", LogLevel.Error);
        var app = builder.Build();
        app.MapCustomerEngine();
        await app.StartAsync();
        return new InProcessEngine(app, settings, AddressOf(app));
    }

    internal static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _settings.DeleteFolder();
    }
}
