using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerEngine.Storage.Telemetry;

namespace CustomerEngine.Storage.Sqlite.Telemetry;

/// <summary>The SQLite store's spans and metrics (names in <see cref="StorageTelemetry"/>).</summary>
internal sealed class SqliteStoreInstruments : IDisposable
{
    private const string SystemName = "sqlite";

    private static readonly ActivitySource Source = new(StorageTelemetry.SourceName, typeof(SqliteStoreInstruments).Assembly.GetName().Version?.ToString());

    private static readonly KeyValuePair<string, object?>[] CommittedTags =
        [new(StorageTelemetry.SystemTagName, SystemName), new(StorageTelemetry.OutcomeTagName, StorageTelemetry.Committed)];

    private static readonly KeyValuePair<string, object?>[] FailedTags =
        [new(StorageTelemetry.SystemTagName, SystemName), new(StorageTelemetry.OutcomeTagName, StorageTelemetry.Failed)];

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _appendDuration;
    private readonly Histogram<double> _commitDuration;
    private readonly Histogram<int> _commitOperations;

    /// <param name="meterFactory">The host's factory when there is one, so the meter follows its lifetime; otherwise the store owns a meter.</param>
    public SqliteStoreInstruments(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(new MeterOptions(StorageTelemetry.SourceName)) ?? new Meter(StorageTelemetry.SourceName);

        // Commits take from well under a millisecond (a page or two) to tens of milliseconds
        // (fsync of a large group); the default buckets start at 5 ms and would hide the former.
        double[] latencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5];
        _appendDuration = _meter.CreateHistogram<double>(
            StorageTelemetry.AppendDurationInstrumentName,
            "s",
            "One caller's append to the event log, from submitting it to its durable commit (queueing behind the writer included).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = latencyBuckets });
        _commitDuration = _meter.CreateHistogram<double>(
            StorageTelemetry.CommitDurationInstrumentName,
            "s",
            "One transaction of the single writer, from its first statement to its commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = latencyBuckets });
        _commitOperations = _meter.CreateHistogram<int>(
            StorageTelemetry.CommitOperationsInstrumentName,
            "{operation}",
            "Callers' writes grouped into one transaction.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024] });
    }

    /// <summary>Whether an append needs watching at all; when false the append path stays as it was.</summary>
    public bool IsObservingAppends => _appendDuration.Enabled || Source.HasListeners();

    /// <summary>Whether commits need timing.</summary>
    public bool IsObservingCommits => _commitDuration.Enabled || _commitOperations.Enabled;

    /// <summary>Starts the span of one append of <paramref name="events"/> events, a child of the caller's current span.</summary>
    public static Activity? StartAppend(int events)
    {
        var activity = Source.StartActivity(StorageTelemetry.AppendSpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(StorageTelemetry.SystemTagName, SystemName);
            activity.SetTag("db.operation.name", "append");
            activity.SetTag("db.collection.name", "events");
            activity.SetTag("db.operation.batch.size", events);
        }

        return activity;
    }

    public void RecordAppend(TimeSpan elapsed, bool committed) =>
        _appendDuration.Record(elapsed.TotalSeconds, committed ? CommittedTags : FailedTags);

    public void RecordCommit(TimeSpan elapsed, int operations, bool committed)
    {
        var tags = committed ? CommittedTags : FailedTags;
        _commitDuration.Record(elapsed.TotalSeconds, tags);
        _commitOperations.Record(operations, tags);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
