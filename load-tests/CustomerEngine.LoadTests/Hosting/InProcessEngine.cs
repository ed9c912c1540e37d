using CustomerEngine.Host.Hosting;
using CustomerEngine.Host.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// The real engine on Kestrel on a free loopback port, over a fresh SQLite file, so the tool works
/// on a fresh machine, or over a PostgreSQL database given by connection string.
/// </summary>
public sealed class InProcessEngine : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _folder;

    private InProcessEngine(WebApplication app, string folder, Uri address, string apiKey)
    {
        _app = app;
        _folder = folder;
        Address = address;
        ApiKey = apiKey;
    }

    public Uri Address { get; }

    /// <summary>The engine's services, for scenarios that read its counters directly.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>An admin key made for this run only.</summary>
    public string ApiKey { get; }

    public static async Task<InProcessEngine> StartAsync(string storage = "sqlite", string? connection = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ce-load", Guid.NewGuid().ToString("N"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // Through configuration: the host's appsettings set the default level, and a rule from
        // configuration outranks SetMinimumLevel. Start-up notes would only clutter the progress lines.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Storage:Path"] = Path.Combine(folder, "engine.db");
        if (storage == "postgres")
        {
            builder.Configuration["Storage:Provider"] = "Postgres";
            builder.Configuration["ConnectionStrings:Engine"] = connection;
        }

        // A production engine refuses to start without users; this one gets a throwaway operator and key.
        var apiKey = $"load-{Guid.NewGuid():N}";
        builder.Configuration["Security:ApiKeys:0:Name"] = "load-tool";
        builder.Configuration["Security:ApiKeys:0:KeyHash"] = SecretHash.Create(apiKey, iterations: 1_000);
        builder.Configuration["Security:ApiKeys:0:Role"] = EngineClaims.Admin;
        builder.Configuration["Security:Users:0:UserName"] = "load-operator";
        builder.Configuration["Security:Users:0:PasswordHash"] = SecretHash.Create(Guid.NewGuid().ToString("N"), iterations: 1_000);
        builder.Configuration["Security:Users:0:Roles:0"] = EngineClaims.Admin;
        builder.AddCustomerEngine();
        var app = builder.Build();
        app.MapCustomerEngine();
        await app.StartAsync();
        return new InProcessEngine(app, folder, AddressOf(app), apiKey);
    }

    internal static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
