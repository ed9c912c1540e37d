using System.Diagnostics;

namespace CustomerEngine.Grains.Engagement;

/// <summary>
/// Names of live suggestions' traces and metrics. Subscribe to <see cref="SourceName"/> both as an
/// <see cref="ActivitySource"/> (arbitration and push spans) and as a
/// <see cref="System.Diagnostics.Metrics.Meter"/>. Tags are kinds, messages and catalog action ids,
/// never a customer or store id.
/// </summary>
public static class EngagementTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> of live suggestions.</summary>
    public const string SourceName = "CustomerEngine.Engagement";

    /// <summary>The span of one arbitration (candidates, weights, ranking, contact policy) inside a customer grain's call.</summary>
    public const string ArbitrationSpanName = "arbitrate";

    /// <summary>The span of one SignalR push, <c>push {message}</c> (kind producer), a child of the grain call that queued it.</summary>
    public const string PushSpanNamePrefix = "push ";

    /// <summary>Counter: suggestions that became current, tag <c>kind</c>.</summary>
    public const string SuggestionsPresentedInstrumentName = "customer_engine.suggestions.presented";

    /// <summary>Counter: suggestions sent to dashboards in a <c>SuggestionsUpdated</c> push, tag <c>kind</c>.</summary>
    public const string SuggestionsPushedInstrumentName = "customer_engine.suggestions.pushed";

    /// <summary>Counter: outcomes recorded, tags <c>kind</c> and <c>outcome</c> (<c>accepted</c>, <c>dismissed</c>).</summary>
    public const string SuggestionOutcomesInstrumentName = "customer_engine.suggestions.outcomes";

    /// <summary>Counter: a campaign offer became one of a customer's current suggestions, tag <c>campaign.id</c> (the catalog action).</summary>
    public const string CampaignPresentationsInstrumentName = "customer_engine.campaign.presentations";

    /// <summary>Counter: plug-in providers, weight rules and event handlers that threw, tags <c>extension</c> and <c>kind</c>.</summary>
    public const string ExtensionFailuresInstrumentName = "customer_engine.engagement.extension_failures";

    internal static readonly ActivitySource ActivitySource = new(SourceName, typeof(EngagementTelemetry).Assembly.GetName().Version?.ToString());
}
