using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CustomerEngine.Host.Tests.Support;

/// <summary>
/// Listens to the named meters and keeps every measurement, with its instrument and tags. Meters
/// live in the whole test process, so a test filters by something only its own engine recorded.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();
    private readonly ConcurrentDictionary<string, Instrument> _published = new();

    public MeasurementRecorder(IReadOnlyCollection<string> meterNames)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterNames.Contains(instrument.Meter.Name))
            {
                _published[instrument.Name] = instrument;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every instrument of the meters, by name, as published (whether or not it recorded anything).</summary>
    public IReadOnlyDictionary<string, Instrument> Published => _published;

    public IReadOnlyCollection<RecordedMeasurement> Measurements => _measurements;

    /// <summary>The measurements of one instrument.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrumentName) => [.. _measurements.Where(m => m.Instrument.Name == instrumentName)];

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new RecordedMeasurement(instrument, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}

/// <summary>One measurement: its instrument, value and tags.</summary>
public sealed record RecordedMeasurement(Instrument Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
