using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Segments;

namespace CustomerEngine.Domain.Views;

/// <summary>The unified view of one customer (DOMAIN.md §1), as the API returns it.</summary>
public sealed record Customer360(
    string CustomerId,
    string? Name,
    CustomerKind Kind,
    string? HomeStoreId,
    IReadOnlyDictionary<string, string> Attributes,
    LifecycleView Lifecycle,
    ValueView Value,
    CustomerSegments Segments,
    SatisfactionView Satisfaction,
    StatsView Stats,
    IReadOnlyList<ConsentView> Consent,
    IReadOnlyList<RecentInteractionView> Recent,
    IReadOnlyList<string> MergedAnonymousIds);
