using System.Diagnostics.Metrics;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>Names of the value-model fits' metrics, on the meter <see cref="MeterName"/>.</summary>
public static class ValueModelTelemetry
{
    /// <summary>The name of the value models' <see cref="Meter"/>.</summary>
    public const string MeterName = "CustomerEngine.ValueModels";

    /// <summary>Histogram, seconds: one fit run, from reading the purchases to the fitted models (storing the fit and re-ranking the base not included), as the run reports it. Tags <c>trigger</c> (<c>schedule</c>, <c>request</c>) and <c>outcome</c> (<c>succeeded</c>, <c>failed</c>, <c>stopped</c>).</summary>
    public const string FitDurationInstrumentName = "customer_engine.value_model.fit.duration";

    // Static like the engagement meter: a fit is rare and engine-wide, and the job is built by
    // hosts with and without a meter factory.
    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> FitDuration = Meter.CreateHistogram<double>(
        FitDurationInstrumentName,
        "s",
        "Value-model fit runs, from reading the purchases to the fitted models.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });

    internal static void RecordFit(TimeSpan elapsed, string trigger, string outcome) =>
        FitDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("trigger", trigger), new KeyValuePair<string, object?>("outcome", outcome));
}
