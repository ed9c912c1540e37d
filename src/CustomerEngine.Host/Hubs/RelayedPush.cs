using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Host.Hubs;

/// <summary>A push relayed to the dashboards of another node, as JSON on <see cref="SignalREngagementPublisher.RelayTopic"/>.</summary>
/// <param name="Message">Which client method it calls.</param>
/// <param name="CustomerId">The customer it is about.</param>
/// <param name="StoreId">The store whose dashboards receive it; null for watchers only.</param>
/// <param name="Summary">For arrivals and summary updates.</param>
/// <param name="Suggestions">For suggestion updates.</param>
public sealed record RelayedPush(
    EngagementMessage Message,
    string CustomerId,
    string? StoreId,
    CustomerSummary? Summary,
    IReadOnlyList<Suggestion>? Suggestions);
