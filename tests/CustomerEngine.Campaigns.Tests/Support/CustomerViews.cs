using CustomerEngine.Campaigns.Conditions;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Campaigns.Tests.Support;

/// <summary>Customer 360 views with just the traits a test is about.</summary>
public static class CustomerViews
{
    public static AudienceSubject Subject(
        string id = "c-1",
        LifecycleStage stage = LifecycleStage.Active,
        ValueTier? tier = null,
        PriceSensitivity? price = null,
        CustomerKind kind = CustomerKind.Individual,
        string? homeStoreId = "S1",
        IReadOnlyDictionary<string, string>? attributes = null,
        RfmScore? rfm = null,
        NpsCategory? nps = null,
        IReadOnlyList<LifecycleTransition>? history = null,
        string? currentStoreId = null,
        string? lastStoreId = null) =>
        new(
            new Customer360(
                id, "Ada", kind, homeStoreId, attributes ?? new Dictionary<string, string>(),
                new LifecycleView(stage, null, history ?? []),
                new ValueView(3, 4, 120m, rfm, tier),
                new CustomerSegments(price, null, null),
                new SatisfactionView(nps is null ? null : 9, nps, null, nps is null ? 0 : 1, 0, 0, null),
                new StatsView(4, 120m, 0, 0m, 2, null, null, null),
                [],
                [new RecentInteractionView("e-1", "purchase", DateTimeOffset.UnixEpoch, "S1", EventChannel.Store, "bought a tent")],
                []),
            currentStoreId,
            lastStoreId);
}
