using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerEngine.Host.Telemetry;

/// <summary>Wires OpenTelemetry export into the host.</summary>
public static class EngineTelemetryExtensions
{
    /// <summary>
    /// Exports traces and metrics over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured
    /// (see <see cref="OtlpExportSettings"/>), and makes every log scope carry the current trace and
    /// span ids. Call before anything else that registers hosted services: the export must start
    /// first and stop last.
    /// </summary>
    public static WebApplicationBuilder AddEngineTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.TryAddSingleton<OtlpExportLifetime>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OtlpExportLifetime>());
        return builder;
    }
}
