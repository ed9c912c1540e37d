using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Views;

/// <summary>One recent interaction in <see cref="Customer360"/>, newest first.</summary>
public sealed record RecentInteractionView(
    string EventId,
    string Type,
    DateTimeOffset OccurredAt,
    string? StoreId,
    EventChannel? Channel,
    string Summary);
