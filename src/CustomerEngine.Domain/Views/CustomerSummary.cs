using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Views;

/// <summary>A customer in one line, for lists and the store's presence board.</summary>
public sealed record CustomerSummary(
    string CustomerId,
    string? Name,
    CustomerKind Kind,
    LifecycleStage Stage,
    ValueTier? Tier,
    string? HomeStoreId,
    string? LastStoreId,
    CustomerSegments Segments,
    NpsCategory? NpsCategory,
    int OpenComplaints,
    DateTimeOffset? LastSeenAt);
