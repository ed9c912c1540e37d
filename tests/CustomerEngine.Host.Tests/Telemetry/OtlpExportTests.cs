using Microsoft.Extensions.Logging;
using CustomerEngine.Host.Telemetry;
using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.Telemetry;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_otlp_endpoint_configured_the_engine_sends_traces_and_metrics_there_as_protobuf()
    {
        await using var sink = await OtlpSink.StartAsync();
        var engine = new EngineFactory();
        var exporting = engine.WithWebHostBuilder(builder => builder
            .UseSetting(OtlpExportSettings.EndpointKey, sink.Endpoint.ToString())
            .UseSetting(OtlpExportSettings.ProtocolKey, "http/protobuf")
            .UseSetting(OtlpExportSettings.ServiceNameKey, "customer-engine-test"));
        var client = exporting.CreateClient();
        var id = $"otlp-{Guid.NewGuid():N}";

        await client.IngestAsync(Registered(id, DateTimeOffset.UtcNow.AddDays(-1)), Entered(id, DateTimeOffset.UtcNow));

        // A warning of our own, so the logs signal has a record to carry whatever else the run logged.
        exporting.Services.GetRequiredService<ILoggerFactory>().CreateLogger("OtlpExportTests").LogWarning("probe {Id}", id);

        // Stopping the host flushes both providers: the batch of spans and a last collection of metrics.
        await exporting.DisposeAsync();
        await engine.DisposeAsync();
        var traces = await sink.WaitForAsync("traces");
        var metrics = await sink.WaitForAsync("metrics");

        Assert.Equal("application/x-protobuf", traces.ContentType);
        Assert.NotEmpty(traces.Body);
        Assert.Equal("application/x-protobuf", metrics.ContentType);
        Assert.NotEmpty(metrics.Body);
        Assert.Contains(sink.Posts, p => p.Signal == "traces" && ContainsUtf8(p.Body, "customer-engine-test") && ContainsUtf8(p.Body, "append events"));
        Assert.Contains(sink.Posts, p => p.Signal == "metrics" && ContainsUtf8(p.Body, "customer_engine.ingest.events"));
        Assert.Contains(sink.Posts, p => p.Signal == "logs");
        EngineFactory.DeleteDatabase(engine.DatabasePath);
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_is_exported_and_no_provider_is_built()
    {
        await using var engine = new EngineFactory();
        var client = engine.CreateClient();
        var id = $"otlp-{Guid.NewGuid():N}";

        await client.IngestAsync(Registered(id, DateTimeOffset.UtcNow.AddDays(-1)));

        Assert.False(engine.Services.GetRequiredService<OtlpExportLifetime>().IsExporting);
        EngineFactory.DeleteDatabase(engine.DatabasePath);
    }

    // Protobuf keeps strings as UTF-8 bytes, so a name sent is a byte sequence in the body.
    private static bool ContainsUtf8(byte[] body, string text) => body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
