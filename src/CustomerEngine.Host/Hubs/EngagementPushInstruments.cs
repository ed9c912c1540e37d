using System.Diagnostics;
using System.Diagnostics.Metrics;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Engagement;

namespace CustomerEngine.Host.Hubs;

/// <summary>
/// The push metrics, on the meter <c>CustomerEngine.Engagement</c>. Tags are only the message
/// kind: a customer or store id would make a series per customer.
/// </summary>
public sealed class EngagementPushInstruments
{
    /// <summary>The meter's name, for exporters.</summary>
    public const string MeterName = EngagementTelemetry.SourceName;

    private static readonly ActivitySource PushSource = new(EngagementTelemetry.SourceName, typeof(EngagementPushInstruments).Assembly.GetName().Version?.ToString());

    private readonly Counter<long> _sent;
    private readonly Counter<long> _coalesced;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _relayed;
    private readonly Histogram<double> _delay;
    private readonly Counter<long> _suggestionsPushed;
    private readonly string[] _spanNames;
    private readonly KeyValuePair<string, object?>[][] _tags;

    /// <summary>Creates the instruments on the host's meter factory, which owns the meter.</summary>
    public EngagementPushInstruments(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("engagement.push.sent", "{message}", "Messages sent to dashboard groups, by message.");
        _coalesced = meter.CreateCounter<long>("engagement.push.coalesced", "{message}", "Pushes replaced by a later one for the same customer before they were sent.");
        _dropped = meter.CreateCounter<long>("engagement.push.dropped", "{message}", "Pushes dropped because the queue was full.");
        _relayed = meter.CreateCounter<long>("engagement.push.relayed", "{message}", "Pushes relayed to dashboards on other nodes sharing the store, by message.");
        _delay = meter.CreateHistogram<double>(
            "engagement.push.delay",
            "s",
            "From the grain's publish call (made while applying the event, before its 202) to the send.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5] });
        _suggestionsPushed = meter.CreateCounter<long>(EngagementTelemetry.SuggestionsPushedInstrumentName, "{suggestion}", "Suggestions sent to dashboards in SuggestionsUpdated pushes, by kind.");
        _tags = [.. Enum.GetValues<EngagementMessage>().Select(m => new[] { new KeyValuePair<string, object?>("message", m.ToString()) })];
        _spanNames = [.. Enum.GetValues<EngagementMessage>().Select(m => EngagementTelemetry.PushSpanNamePrefix + m)];
    }

    /// <summary>A message went out; <paramref name="queuedAt"/> is the stopwatch timestamp of its oldest change.</summary>
    public void Sent(EngagementMessage message, long queuedAt)
    {
        var tags = _tags[(int)message];
        _sent.Add(1, tags);
        _delay.Record(Stopwatch.GetElapsedTime(queuedAt).TotalSeconds, tags);
    }

    /// <summary>The suggestions of a <c>SuggestionsUpdated</c> push went out.</summary>
    public void SuggestionsSent(IReadOnlyList<Suggestion> suggestions)
    {
        if (!_suggestionsPushed.Enabled)
        {
            return;
        }

        foreach (var suggestion in suggestions)
        {
            _suggestionsPushed.Add(1, new KeyValuePair<string, object?>("kind", suggestion.Kind));
        }
    }

    /// <summary>
    /// Starts the span of one push: a child of the span that queued it, so it lands in the trace of
    /// the request whose event caused it, linked to the oldest change it replaced.
    /// </summary>
    public Activity? StartPush(PendingPush push)
    {
        // A push queued outside any trace (a timer, an unrecorded request) would be a trace of one
        // span that explains nothing; it is not traced.
        if (push.Origin == default || !PushSource.HasListeners())
        {
            return null;
        }

        IEnumerable<ActivityLink>? links = push.ReplacedOrigin != default && push.ReplacedOrigin != push.Origin ? [new ActivityLink(push.ReplacedOrigin)] : null;
        var activity = PushSource.StartActivity(_spanNames[(int)push.Message], ActivityKind.Producer, push.Origin, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "signalr");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("engagement.message", _tags[(int)push.Message][0].Value);
        }

        return activity;
    }

    /// <summary>A queued push was replaced by a newer one.</summary>
    public void Coalesced(EngagementMessage message) => _coalesced.Add(1, _tags[(int)message]);

    /// <summary>A push was dropped.</summary>
    public void Dropped(EngagementMessage message) => _dropped.Add(1, _tags[(int)message]);

    /// <summary>Counts a push relayed to other nodes.</summary>
    public void Relayed(EngagementMessage message) => _relayed.Add(1, _tags[(int)message]);
}
