using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Grains.Customers;

/// <summary>Projects a customer onto its row in the customer index.</summary>
public static class CustomerIndexProjection
{
    /// <summary>The index row of <paramref name="customer"/> as of <paramref name="now"/>; <paramref name="model"/> is null until a fit exists.</summary>
    public static CustomerIndexEntry Of(CustomerState customer, DateTimeOffset now, ValueDistribution values, CustomerRules rules, CustomerValueModel? model = null) =>
        Of(customer, CustomerViews.ToSummary(customer, now, values, rules, model), rules, model);

    /// <summary>The index row of <paramref name="customer"/>, whose summary as of now the caller already made.</summary>
    public static CustomerIndexEntry Of(CustomerState customer, CustomerSummary summary, CustomerRules rules, CustomerValueModel? model = null)
    {
        var rfm = CustomerViews.RfmInputOf(customer);
        var stats = customer.Stats;
        return new CustomerIndexEntry(
            summary.CustomerId,
            summary.Name,
            ApiName.Of(summary.Kind),
            ApiName.Of(summary.Stage),
            ApiName.OfNullable(summary.Tier),
            summary.HomeStoreId,
            summary.LastStoreId,
            ApiName.OfNullable(summary.Segments.PriceSensitivity),
            ApiName.OfNullable(summary.Segments.Loyalty),
            ApiName.OfNullable(summary.Segments.Channel),
            ApiName.OfNullable(summary.NpsCategory),
            summary.OpenComplaints,
            rfm.Frequency,
            rfm.Monetary,
            rfm.LastPurchaseAt,
            summary.LastSeenAt,
            CustomerEvolver.NextDueAt(customer, rules, model),
            stats.PurchaseDays,
            stats.FirstPurchaseAt,
            stats.RepeatDaySpend);
    }

    /// <summary>A hash of the columns lists filter and show as labels; counters and times are left out.</summary>
    public static int FilterColumnsHash(CustomerIndexEntry e)
    {
        var hash = default(HashCode);
        hash.Add(e.Name);
        hash.Add(e.Kind);
        hash.Add(e.Stage);
        hash.Add(e.Tier);
        hash.Add(e.HomeStoreId);
        hash.Add(e.LastStoreId);
        hash.Add(e.PriceSensitivity);
        hash.Add(e.Loyalty);
        hash.Add(e.ChannelPreference);
        hash.Add(e.NpsCategory);
        hash.Add(e.OpenComplaints);
        return hash.ToHashCode();
    }
}
