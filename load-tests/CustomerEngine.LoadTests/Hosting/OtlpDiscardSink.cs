using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.LoadTests.Hosting;

/// <summary>
/// A stand-in for a local OpenTelemetry collector (<c>--otlp local</c>): Kestrel on a free loopback
/// port that reads every OTLP/HTTP post, counts it and throws it away, so the cost of tracing can be
/// measured without a collector installed. It reads the bodies as a collector would, so the engine's
/// exporters do the same work as in production.
/// </summary>
public sealed class OtlpDiscardSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _posts;
    private long _bytes;

    private OtlpDiscardSink(WebApplication app) => _app = app;

    public Uri Address => InProcessEngine.AddressOf(_app);

    /// <summary>What arrived: posts and bytes of protobuf.</summary>
    public string Summary => $"OTLP sink received {Interlocked.Read(ref _posts):N0} posts, {Interlocked.Read(ref _bytes) / 1024.0 / 1024.0:N1} MiB";

    public static async Task<OtlpDiscardSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(ToolHostOptions.Create());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<IHostLifetime, ToolOwnedLifetime>();
        var app = builder.Build();
        var sink = new OtlpDiscardSink(app);
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            var buffer = new byte[16 * 1024];
            long length = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer)) > 0)
            {
                length += read;
            }

            Interlocked.Increment(ref sink._posts);
            Interlocked.Add(ref sink._bytes, length);
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
