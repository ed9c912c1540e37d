using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// The ceiling of this machine's HTTP stack for the same payloads: Kestrel reads each batch,
/// parses it as JSON, counts the events and discards them.
/// </summary>
public sealed class BareKestrel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareKestrel(WebApplication app) => _app = app;

    public Uri Address => InProcessEngine.AddressOf(_app);

    public static async Task<BareKestrel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(ToolHostOptions.Create());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, ToolOwnedLifetime>();
        var app = builder.Build();
        app.MapPost("/api/events", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            var count = document.RootElement.GetArrayLength();
            return Results.Text($"{{\"accepted\":{count},\"duplicates\":0,\"rejected\":[]}}", "application/json", statusCode: 202);
        });
        await app.StartAsync();
        return new BareKestrel(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
