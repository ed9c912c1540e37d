using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Storage.Conformance.Customers;

/// <summary>Index entries for the conformance tests; vary them with <c>with</c>.</summary>
public static class SampleCustomers
{
    /// <summary>A purchasing customer with every field set.</summary>
    public static CustomerIndexEntry Active(string customerId) => new(
        CustomerId: customerId,
        Name: $"Customer {customerId}",
        Kind: "individual",
        Stage: "active",
        Tier: "medium",
        HomeStoreId: "store-1",
        LastStoreId: "store-2",
        PriceSensitivity: "valueDriven",
        Loyalty: "loyal",
        ChannelPreference: "store",
        NpsCategory: "promoter",
        OpenComplaints: 1,
        Frequency: 4,
        Monetary: 123.45m,
        LastPurchaseAt: SampleEvents.Origin.AddDays(-10),
        LastSeenAt: SampleEvents.Origin.AddDays(-2),
        NextDueAt: SampleEvents.Origin.AddDays(50),
        PurchaseDays: 3,
        FirstPurchaseAt: SampleEvents.Origin.AddDays(-100),
        RepeatDaySpend: 80.25m);

    /// <summary>A prospect: no purchase, and every optional field empty.</summary>
    public static CustomerIndexEntry Prospect(string customerId) => new(
        CustomerId: customerId,
        Name: null,
        Kind: "individual",
        Stage: "prospect",
        Tier: null,
        HomeStoreId: null,
        LastStoreId: null,
        PriceSensitivity: null,
        Loyalty: null,
        ChannelPreference: null,
        NpsCategory: null,
        OpenComplaints: 0,
        Frequency: 0,
        Monetary: 0m,
        LastPurchaseAt: null,
        LastSeenAt: null,
        NextDueAt: null);
}
