using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.Runtime.Tests.Telemetry;

public sealed class RuntimeMetricsTests
{
    private sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);

    [Fact]
    public async Task Meter_reports_activations_calls_and_call_duration()
    {
        await using var harness = GrainRuntimeHarness.Create(
            options => options.CollectionAge = TimeSpan.FromMinutes(1),
            services: services => services.AddMetrics());
        var meterFactory = harness.Get<IMeterFactory>();
        var measurements = new ConcurrentQueue<Measurement>();
        using var listener = new MeterListener
        {
            // Scoped to this test's meter factory so runtimes of tests running in parallel do not count.
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == GrainRuntimeTelemetry.SourceName && instrument.Meter.Scope == meterFactory)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue(Record(instrument, value, tags)));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue(Record(instrument, value, tags)));
        listener.Start();

        await harness.Grains.GetGrain<ITracedGrain>("a").AddAsync(1, 1);
        await harness.Grains.GetGrain<ITracedGrain>("a").AddAsync(1, 1);
        await harness.Grains.GetGrain<ITracedGrain>("b").AddAsync(1, 1);
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        await harness.Runtime.IdleCollector.CollectAsync();

        double Sum(string instrument) => measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);
        Assert.Equal(2, Sum("grain.activations.created"));
        Assert.Equal(2, Sum("grain.activations.collected"));
        Assert.Equal(0, Sum("grain.activations.active"));
        var activeOverTime = measurements
            .Where(m => m.Instrument == "grain.activations.active")
            .Select(m => m.Value)
            .Aggregate(new List<double>(), (totals, change) => [.. totals, (totals.Count == 0 ? 0 : totals[^1]) + change]);
        Assert.Equal([1, 2, 1, 0], activeOverTime);

        var calls = measurements.Where(m => m.Instrument == "grain.calls").ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, call =>
        {
            Assert.Equal("ITracedGrain", call.Tags["grain.interface"]);
            Assert.Equal("AddAsync", call.Tags["grain.method"]);
        });

        var durations = measurements.Where(m => m.Instrument == "grain.call.duration").ToList();
        Assert.Equal(3, durations.Count);
        Assert.All(durations, duration =>
        {
            Assert.Equal("s", duration.Unit);
            Assert.True(duration.Value >= 0);
            Assert.Equal("AddAsync", duration.Tags["grain.method"]);
        });
    }

    private static Measurement Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags) where T : struct =>
        new(instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value));
}
