namespace CustomerEngine.Domain.Customers;

/// <summary>A customer's purchase and visit totals (part of the customer state).</summary>
public sealed class CustomerStats
{
    private OptionalTime _firstPurchaseAt;
    private OptionalTime _lastPurchaseAt;
    private OptionalTime _previousPurchaseAt;
    private OptionalTime _lastSeenAt;

    /// <summary>Number of purchases (the RFM frequency).</summary>
    public int Purchases { get; set; }

    /// <summary>Sum of purchase totals, before returns.</summary>
    public decimal Spend { get; set; }

    /// <summary>Number of returns.</summary>
    public int Returns { get; set; }

    /// <summary>Sum of returned amounts; the RFM monetary value is spend minus this.</summary>
    public decimal ReturnedAmount { get; set; }

    /// <summary>Number of store visits (<c>store.entered</c>).</summary>
    public int Visits { get; set; }

    /// <summary>When the first purchase happened.</summary>
    public DateTimeOffset? FirstPurchaseAt
    {
        get => _firstPurchaseAt.Value;
        set => _firstPurchaseAt = new(value);
    }

    /// <summary>When the latest purchase happened.</summary>
    public DateTimeOffset? LastPurchaseAt
    {
        get => _lastPurchaseAt.Value;
        set => _lastPurchaseAt = new(value);
    }

    /// <summary>When the purchase before the latest happened.</summary>
    public DateTimeOffset? PreviousPurchaseAt
    {
        get => _previousPurchaseAt.Value;
        set => _previousPurchaseAt = new(value);
    }

    /// <summary>Distinct UTC calendar days with a purchase: the value models count a day's purchases as one transaction.</summary>
    public int PurchaseDays { get; set; }

    /// <summary>Purchase totals of every purchase day after the first (the Gamma-Gamma spend input).</summary>
    public decimal RepeatDaySpend { get; set; }

    /// <summary>The latest occurrence time of any of the customer's events.</summary>
    public DateTimeOffset? LastSeenAt
    {
        get => _lastSeenAt.Value;
        set => _lastSeenAt = new(value);
    }
}
