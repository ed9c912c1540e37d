using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Logs;

namespace CustomerEngine.Host.Telemetry;

/// <summary>Wires OpenTelemetry export into the host.</summary>
public static class EngineTelemetryExtensions
{
    /// <summary>
    /// Exports traces, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is configured
    /// (see <see cref="OtlpExportSettings"/>), and makes every log scope carry the current trace and
    /// span ids. Call before anything else that registers hosted services: the export must start
    /// first and stop last.
    /// </summary>
    public static WebApplicationBuilder AddEngineTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        // Logging providers are fixed when the builder builds, so the logs' exporter is decided from
        // the configuration known now (environment, settings files, command line); each record
        // carries the trace and span ids of the span current when it was written.
        if (OtlpExportSettings.From(builder.Configuration) is { } settings)
        {
            builder.Logging.AddOpenTelemetry(options =>
            {
                options.SetResourceBuilder(OtlpExportLifetime.Resource(settings));
                options.AddOtlpExporter(exporter => settings.ApplyTo(exporter, "logs"));
            });
        }

        builder.Services.TryAddSingleton<OtlpExportLifetime>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<OtlpExportLifetime>());
        return builder;
    }
}
