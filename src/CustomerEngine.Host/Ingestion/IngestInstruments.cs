using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.Ingestion;
using CustomerEngine.Storage.Events;

namespace CustomerEngine.Host.Ingestion;

/// <summary>
/// The event API's metrics, on the meter <see cref="MeterName"/>. Tags are the event type (one of
/// the known types, or <c>unknown</c>: a producer's typo must not become a series), the result and
/// the reason a request was refused; never a customer, event or store id.
/// </summary>
public sealed class IngestInstruments
{
    /// <summary>The meter's name, for exporters.</summary>
    public const string MeterName = "CustomerEngine.Ingestion";

    /// <summary>Counter: posted events, tags <c>event.type</c> and <c>result</c> (<c>accepted</c>, <c>duplicate</c>, <c>rejected</c>).</summary>
    public const string EventsInstrumentName = "customer_engine.ingest.events";

    /// <summary>Histogram, seconds: a <c>POST /api/events</c> answered 202, from the handler's start (body not yet read) to the answer (events durable and queued in their grains).</summary>
    public const string DurationInstrumentName = "customer_engine.ingest.duration";

    /// <summary>UpDownCounter: <c>POST /api/events</c> requests being handled now.</summary>
    public const string ActiveRequestsInstrumentName = "customer_engine.ingest.active_requests";

    /// <summary>Gauge: events acknowledged (durable) whose customers' grains have not applied them yet (decision 50).</summary>
    public const string QueuedEventsInstrumentName = "customer_engine.ingest.queued_events";

    /// <summary>Counter: requests refused as a whole, tag <c>reason</c> (see <see cref="RefusalReasons"/>).</summary>
    public const string RefusedRequestsInstrumentName = "customer_engine.ingest.refused_requests";

    private const string UnknownType = "unknown";

    private static readonly string[] Results = ["accepted", "duplicate", "rejected"];

    private readonly Counter<long> _events;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _active;
    private readonly Counter<long> _refused;

    // [type][result]; the last type is "unknown".
    private readonly KeyValuePair<string, object?>[][][] _eventTags;

    /// <summary>Creates the instruments on the host's meter factory, which owns the meter.</summary>
    public IngestInstruments(IMeterFactory meters, CustomerEventPipeline pipeline)
    {
        var meter = meters.Create(MeterName);
        _events = meter.CreateCounter<long>(EventsInstrumentName, "{event}", "Posted events by type and result: accepted (new and durable), duplicate (already in the log) or rejected (invalid).");
        _duration = meter.CreateHistogram<double>(
            DurationInstrumentName,
            "s",
            "Event posts answered 202: reading, validating, the durable append and queuing in the customers' grains.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5] });
        _active = meter.CreateUpDownCounter<long>(ActiveRequestsInstrumentName, "{request}", "Event posts being handled now.");
        _refused = meter.CreateCounter<long>(RefusedRequestsInstrumentName, "{request}", "Event posts refused as a whole, by reason.");
        meter.CreateObservableGauge(QueuedEventsInstrumentName, () => pipeline.QueuedEvents, "{event}", "Events acknowledged (durable) whose customers' grains have not applied them yet.");
        _eventTags = [.. EventTypes.All.Append(UnknownType).Select(type => Results.Select(result => new KeyValuePair<string, object?>[] { new("event.type", type), new("result", result) }).ToArray())];
    }

    /// <summary>A request started; returns the stopwatch timestamp to hand to <see cref="RequestEnded"/>.</summary>
    public long RequestStarted()
    {
        _active.Add(1);
        return Stopwatch.GetTimestamp();
    }

    /// <summary>A request ended with <paramref name="statusCode"/>, or with an exception when null.</summary>
    public void RequestEnded(long startedAt, int? statusCode)
    {
        _active.Add(-1);
        if (statusCode == StatusCodes.Status202Accepted)
        {
            _duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds);
        }
        else if ((statusCode is null ? RefusalReasons.Error : RefusalReasons.ForStatus(statusCode)) is { } reason)
        {
            Refused(reason);
        }
    }

    /// <summary>A request was refused before it reached the handler (the rate limiter's 429), for <paramref name="reason"/>.</summary>
    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Counts one batch's events by type and result.</summary>
    /// <param name="valid">The events that passed validation, in the order given to the log.</param>
    /// <param name="outcomes">The log's answer per valid event.</param>
    /// <param name="elements">The posted elements, to read the type of a rejected one.</param>
    /// <param name="rejected">The events refused by validation.</param>
    public void RecordEvents(IReadOnlyList<CustomerEvent> valid, IReadOnlyList<AppendOutcome> outcomes, IReadOnlyList<JsonElement> elements, IReadOnlyList<RejectedEvent> rejected)
    {
        if (!_events.Enabled)
        {
            return;
        }

        // Summed per type first: a batch of 100 purchases is one measurement, not 100.
        Span<int> counts = stackalloc int[_eventTags.Length * Results.Length];
        for (var i = 0; i < valid.Count; i++)
        {
            var duplicate = i < outcomes.Count && outcomes[i].IsDuplicate;
            counts[(TypeIndex(valid[i].Type) * Results.Length) + (duplicate ? 1 : 0)]++;
        }

        foreach (var refused in rejected)
        {
            var element = elements[refused.Index];
            var type = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            counts[(TypeIndex(type) * Results.Length) + 2]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                _events.Add(counts[i], _eventTags[i / Results.Length][i % Results.Length]);
            }
        }
    }

    private int TypeIndex(string? type)
    {
        var all = EventTypes.All;
        for (var i = 0; i < all.Count; i++)
        {
            if (string.Equals(all[i], type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return _eventTags.Length - 1;
    }
}
