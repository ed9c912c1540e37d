using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.Customers;
using CustomerEngine.Grains.Hosting;
using CustomerEngine.Grains.Ingestion;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage;
using CustomerEngine.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Grains.Tests;

/// <summary>The grains on the real runtime over a real SQLite file, without HTTP. Two hosts over one path are a restart.</summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host, string path)
    {
        _host = host;
        DatabasePath = path;
    }

    public string DatabasePath { get; }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public IEngineStore Store => _host.Services.GetRequiredService<IEngineStore>();

    public CustomerIndexWriter IndexWriter => _host.Services.GetRequiredService<CustomerIndexWriter>();

    public IServiceProvider Services => _host.Services;

    public static async Task<EngineHost> StartAsync(
        string? path = null,
        TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<GrainRuntimeBuilder>? runtime = null)
    {
        path ??= Path.Combine(Path.GetTempPath(), "ce-grain-tests", Guid.NewGuid().ToString("N"), "engine.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(clock ?? TimeProvider.System);
        builder.Services.AddSqliteEngineStore(o => o.Path = path);
        var grains = builder.Services.AddCustomerGrains(new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build());
        runtime?.Invoke(grains);
        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host, path);
    }

    public Task<PipelineResult> AcceptAsync(params CustomerEvent[] events) =>
        _host.Services.GetRequiredService<CustomerEventPipeline>().AcceptAsync(events);

    /// <summary>Waits until the grains have applied every batch accepted so far.</summary>
    public Task DeliveredAsync() => _host.Services.GetRequiredService<CustomerEventPipeline>().DeliveredAsync();

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    public void DeleteDatabase() => Directory.Delete(Path.GetDirectoryName(DatabasePath)!, recursive: true);
}
