using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// What a grain remembers of the summary it last pushed to dashboards: its stage, and a 64-bit
/// fingerprint of everything a dashboard shows, to skip pushing the same summary twice. Holding
/// the summary itself would keep a new object per event alive for as long as the customer is
/// quiet, and a copy of its values would cost every active customer a hundred bytes. Two different
/// summaries share a fingerprint about once in 10^19 pushes, and then one update waits for the
/// customer's next change.
/// </summary>
internal readonly record struct PushedSummary(LifecycleStage Stage, int Low, int High)
{
    public static PushedSummary Of(CustomerSummary summary)
    {
        var low = default(HashCode);
        var high = default(HashCode);

        // Differently seeded, so the two halves are independent.
        high.Add(0x5EED);
        Add(ref low, summary);
        Add(ref high, summary);
        return new PushedSummary(summary.Stage, low.ToHashCode(), high.ToHashCode());
    }

    private static void Add(ref HashCode hash, CustomerSummary summary)
    {
        hash.Add(summary.CustomerId);
        hash.Add(summary.Name);
        hash.Add(summary.Kind);
        hash.Add(summary.Stage);
        hash.Add(summary.Tier);
        hash.Add(summary.HomeStoreId);
        hash.Add(summary.LastStoreId);
        hash.Add(summary.Segments.PriceSensitivity);
        hash.Add(summary.Segments.Loyalty);
        hash.Add(summary.Segments.Channel);
        hash.Add(summary.NpsCategory);
        hash.Add(summary.OpenComplaints);
        hash.Add(summary.LastSeenAt);
    }
}
