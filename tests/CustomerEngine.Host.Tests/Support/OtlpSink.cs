using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>
/// A stand-in OpenTelemetry collector: Kestrel on a free loopback port that takes OTLP/HTTP posts
/// (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>), remembers what arrived and answers
/// 200 with an empty protobuf message, as a collector that accepted everything does.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpPost> _posts = new();

    private OtlpSink(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base address to configure as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<OtlpPost> Posts => _posts;

    public static async Task<OtlpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new OtlpSink(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            sink._posts.Enqueue(new OtlpPost(signal, request.ContentType, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        sink.Endpoint = new Uri(address);
        return sink;
    }

    /// <summary>Waits until a post of <paramref name="signal"/> has arrived, for at most a minute.</summary>
    public async Task<OtlpPost> WaitForAsync(string signal)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_posts.FirstOrDefault(p => p.Signal == signal) is { } post)
            {
                return post;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no OTLP {signal} arrived within a minute; got {string.Join(", ", _posts.Select(p => p.Signal))}");
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One export the sink received.</summary>
public sealed record OtlpPost(string Signal, string? ContentType, byte[] Body);
