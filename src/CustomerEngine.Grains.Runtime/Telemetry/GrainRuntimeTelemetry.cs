using System.Diagnostics;

namespace CustomerEngine.Grains.Runtime;

/// <summary>
/// Names of the runtime's traces and metrics. Subscribe to <see cref="SourceName"/> both as an
/// <see cref="ActivitySource"/> (one span per grain call, named <c>{InterfaceName}/{MethodName}</c>)
/// and as a <see cref="System.Diagnostics.Metrics.Meter"/>. Grain keys are never recorded.
/// </summary>
public static class GrainRuntimeTelemetry
{
    /// <summary>The name of the runtime's <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string SourceName = "CustomerEngine.Grains.Runtime";

    /// <summary>UpDownCounter: activations currently alive. Tag <see cref="InterfaceTagName"/>.</summary>
    public const string ActiveActivationsInstrumentName = "grain.activations.active";

    /// <summary>Counter: activations created. Tag <see cref="InterfaceTagName"/>.</summary>
    public const string CreatedActivationsInstrumentName = "grain.activations.created";

    /// <summary>Counter: activations deactivated by idle collection. Tag <see cref="InterfaceTagName"/>.</summary>
    public const string CollectedActivationsInstrumentName = "grain.activations.collected";

    /// <summary>Counter: completed grain calls. Tags <see cref="InterfaceTagName"/>, <see cref="MethodTagName"/>, and <see cref="ErrorTypeTagName"/> when the call failed.</summary>
    public const string CallsInstrumentName = "grain.calls";

    /// <summary>Histogram, seconds: time a call spent inside its turn (filters included, queueing excluded). Same tags as <see cref="CallsInstrumentName"/>.</summary>
    public const string CallDurationInstrumentName = "grain.call.duration";

    /// <summary>Tag holding the grain interface's short name, e.g. <c>ICustomerGrain</c>.</summary>
    public const string InterfaceTagName = "grain.interface";

    /// <summary>Tag holding the grain method's name.</summary>
    public const string MethodTagName = "grain.method";

    /// <summary>Tag holding the full type name of the exception a failed call threw.</summary>
    public const string ErrorTypeTagName = "error.type";

    internal static readonly ActivitySource ActivitySource = new(SourceName, typeof(GrainRuntimeTelemetry).Assembly.GetName().Version?.ToString());
}
