using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Samples.BirthdayWeek.Tests.Support;

/// <summary>
/// The real engine (its <c>Program</c>, HTTP API and grains) over a real SQLite file in a temp
/// folder, with plug-ins added by <paramref name="plugIns"/> the way a host adds them, the clock
/// stopped at <paramref name="now"/> and warnings and errors captured in <see cref="Logs"/>. Its
/// clients send the development admin key. Disposing it deletes the database.
/// </summary>
internal sealed class PluginEngineFactory(DateTimeOffset now, Action<IServiceCollection> plugIns) : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ce-samples", Guid.NewGuid().ToString("N"));

    public CapturedLogs Logs { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // SQLite pools connections; clear them so the file can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", "demo-admin-key");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:Path", Path.Combine(_folder, "engine.db"));
        builder.UseSetting("ValueModels:ScheduledFits", "false");

        // Seeded Thompson draws: a run that fails fails again.
        builder.UseSetting("Engagement:Seed", "1");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedClock(now));
            services.AddSingleton<ILoggerProvider>(Logs);
            plugIns(services);
        });
    }
}
