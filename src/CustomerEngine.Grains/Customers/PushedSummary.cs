using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// The values of the summary a grain last pushed to dashboards, held inline in the grain. Holding
/// the pushed summary itself would keep a new object per event alive for as long as the customer
/// is quiet, and each would be copied out of the young generation; these values compare the same.
/// </summary>
internal readonly record struct PushedSummary(
    string? Name,
    CustomerKind Kind,
    LifecycleStage Stage,
    ValueTier? Tier,
    string? HomeStoreId,
    string? LastStoreId,
    PriceSensitivity? PriceSensitivity,
    BrandLoyalty? Loyalty,
    ChannelPreference? Channel,
    NpsCategory? NpsCategory,
    int OpenComplaints,
    DateTimeOffset? LastSeenAt)
{
    public static PushedSummary Of(CustomerSummary summary) => new(
        summary.Name,
        summary.Kind,
        summary.Stage,
        summary.Tier,
        summary.HomeStoreId,
        summary.LastStoreId,
        summary.Segments.PriceSensitivity,
        summary.Segments.Loyalty,
        summary.Segments.Channel,
        summary.NpsCategory,
        summary.OpenComplaints,
        summary.LastSeenAt);
}
