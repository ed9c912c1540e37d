using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerEngine.Grains.Runtime.Activation;
using CustomerEngine.Grains.Runtime.Calls;

namespace CustomerEngine.Grains.Runtime.Telemetry;

/// <summary>The runtime's metric instruments.</summary>
internal sealed class GrainRuntimeInstruments : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly UpDownCounter<long> _activeActivations;
    private readonly Counter<long> _createdActivations;
    private readonly Counter<long> _collectedActivations;
    private readonly Counter<long> _calls;
    private readonly Histogram<double> _callDuration;

    /// <param name="meterFactory">The host's factory when there is one, so the meter follows its lifetime and scoping; otherwise the runtime owns a meter.</param>
    public GrainRuntimeInstruments(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(GrainRuntimeTelemetry.SourceName)) ?? new Meter(GrainRuntimeTelemetry.SourceName);
        _activeActivations = _meter.CreateUpDownCounter<long>(GrainRuntimeTelemetry.ActiveActivationsInstrumentName, "{activation}", "Grain activations currently alive.");
        _createdActivations = _meter.CreateCounter<long>(GrainRuntimeTelemetry.CreatedActivationsInstrumentName, "{activation}", "Grain activations created.");
        _collectedActivations = _meter.CreateCounter<long>(GrainRuntimeTelemetry.CollectedActivationsInstrumentName, "{activation}", "Grain activations deactivated because they were idle.");
        _calls = _meter.CreateCounter<long>(GrainRuntimeTelemetry.CallsInstrumentName, "{call}", "Grain calls completed.");
        _callDuration = _meter.CreateHistogram<double>(GrainRuntimeTelemetry.CallDurationInstrumentName, "s", "Time grain calls spent in their turn.");
    }

    /// <summary>Whether anything would record a call; when false, the call path skips telemetry entirely.</summary>
    public bool IsObservingCalls => _calls.Enabled || _callDuration.Enabled || GrainRuntimeTelemetry.ActivitySource.HasListeners();

    public void RecordCall(GrainMethod method, TimeSpan elapsed, Type? errorType)
    {
        if (errorType is null)
        {
            _calls.Add(1, method.MetricTags);
            _callDuration.Record(elapsed.TotalSeconds, method.MetricTags);
            return;
        }

        var tags = new TagList(method.MetricTags) { { GrainRuntimeTelemetry.ErrorTypeTagName, errorType.FullName } };
        _calls.Add(1, in tags);
        _callDuration.Record(elapsed.TotalSeconds, in tags);
    }

    public void ActivationCreated(RegisteredGrainType grainType)
    {
        _createdActivations.Add(1, grainType.MetricTags);
        _activeActivations.Add(1, grainType.MetricTags);
    }

    public void ActivationDeactivated(RegisteredGrainType grainType, DeactivationReason reason)
    {
        _activeActivations.Add(-1, grainType.MetricTags);
        if (reason == DeactivationReason.IdleCollected)
        {
            _collectedActivations.Add(1, grainType.MetricTags);
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
