using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CustomerEngine.Host.Telemetry;

/// <summary>
/// Builds the tracer and meter providers when an OTLP endpoint is configured and ties them to the
/// host's lifetime: built before any other service starts (so the store's and the runtime's start-up
/// is traced too) and flushed after every other service has stopped, so the last spans and the
/// final metric values reach the collector. With no endpoint it builds nothing, so no listener is
/// attached and no span or measurement is recorded.
/// </summary>
public sealed partial class OtlpExportLifetime(IConfiguration configuration, ILogger<OtlpExportLifetime> logger) : IHostedLifecycleService, IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);

    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    /// <summary>Whether spans and metrics are being exported.</summary>
    public bool IsExporting => Volatile.Read(ref _tracing) is not null;

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        if (OtlpExportSettings.From(configuration) is not { } settings)
        {
            return Task.CompletedTask;
        }

        var resource = Resource(settings);
        _tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource([.. TelemetrySources.ActivitySources])
            .AddOtlpExporter(options => settings.ApplyTo(options, "traces"))
            .Build();
        _metrics = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter([.. TelemetrySources.Meters])
            .AddOtlpExporter((options, _) => settings.ApplyTo(options, "metrics"))
            .Build();
        LogExporting(settings.SignalEndpoint("traces"), settings.Protocol.ToString(), settings.ServiceName);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Shut(flush: true);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose() => Shut(flush: false);

    // Whoever comes first takes the providers: a host disposed while it is still stopping (as a
    // test factory does on a timeout) must not shut the SDK's providers down twice at once, which
    // they do not survive.
    private void Shut(bool flush)
    {
        var tracing = Interlocked.Exchange(ref _tracing, null);
        var metrics = Interlocked.Exchange(ref _metrics, null);

        // Blocking, but bounded: the exporters post on their own threads, and a host that is
        // stopping has nothing else to do.
        var timeout = (int)FlushTimeout.TotalMilliseconds;
        if (flush)
        {
            tracing?.ForceFlush(timeout);
            metrics?.ForceFlush(timeout);
        }

        tracing?.Dispose();
        metrics?.Dispose();
    }

    /// <summary>The resource every signal carries: the configured attributes, then the service name and version.</summary>
    public static ResourceBuilder Resource(OtlpExportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var version = typeof(OtlpExportLifetime).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return ResourceBuilder.CreateEmpty()
            .AddTelemetrySdk()
            .AddAttributes(settings.ResourceAttributes)
            .AddService(settings.ServiceName, serviceVersion: version);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Exporting traces and metrics over OTLP to {Endpoint} ({Protocol}) as service {ServiceName}")]
    private partial void LogExporting(Uri endpoint, string protocol, string serviceName);
}
