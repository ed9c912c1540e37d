using System.Diagnostics;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Host.Hubs;

/// <summary>A push waiting for the next flush.</summary>
/// <param name="Message">Which client method it calls.</param>
/// <param name="CustomerId">The customer it is about.</param>
/// <param name="StoreId">The store whose dashboards receive it; null for a customer present nowhere (watchers only).</param>
/// <param name="Summary">For arrivals and summary updates.</param>
/// <param name="Suggestions">For suggestion updates.</param>
/// <param name="QueuedAt">A <see cref="System.Diagnostics.Stopwatch"/> timestamp of the oldest change it carries.</param>
public sealed record PendingPush(
    EngagementMessage Message,
    string CustomerId,
    string? StoreId,
    CustomerSummary? Summary,
    IReadOnlyList<Suggestion>? Suggestions,
    long QueuedAt)
{
    /// <summary>The span that queued it (the grain call applying an event), so the push joins that request's trace; default when none was recorded.</summary>
    public ActivityContext Origin { get; init; }

    /// <summary>The span that queued the oldest change this push replaced, when it was coalesced; linked from the push span.</summary>
    public ActivityContext ReplacedOrigin { get; init; }
}
