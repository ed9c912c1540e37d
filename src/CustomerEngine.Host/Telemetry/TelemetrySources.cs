using CustomerEngine.Grains.Engagement;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.ValueModelFitting;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Storage.Telemetry;

namespace CustomerEngine.Host.Telemetry;

/// <summary>The <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> names the engine exports: its own and the framework's.</summary>
public static class TelemetrySources
{
    /// <summary>The framework's hosting <see cref="System.Diagnostics.ActivitySource"/>: one server span per HTTP request, parented on an incoming <c>traceparent</c>.</summary>
    public const string AspNetCoreActivitySource = "Microsoft.AspNetCore";

    /// <summary>Sources of spans.</summary>
    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        AspNetCoreActivitySource,
        "Microsoft.AspNetCore.SignalR.Server",
        "System.Net.Http",
        StorageTelemetry.SourceName,
        GrainRuntimeTelemetry.SourceName,
        EngagementTelemetry.SourceName,
    ];

    /// <summary>Meters.</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authorization",
        "System.Net.Http",
        "System.Runtime",
        IngestInstruments.MeterName,
        StorageTelemetry.SourceName,
        GrainRuntimeTelemetry.SourceName,
        EngagementTelemetry.SourceName,
        ValueModelTelemetry.MeterName,
    ];
}
