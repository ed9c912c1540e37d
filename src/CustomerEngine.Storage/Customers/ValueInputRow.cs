namespace CustomerEngine.Storage.Customers;

/// <summary>The inputs of RFM scoring and of the value models for one customer with a purchase.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Frequency">Purchases.</param>
/// <param name="Monetary">Spend net of returns.</param>
/// <param name="LastPurchaseAt">The latest purchase.</param>
/// <param name="Stage">The lifecycle stage the row was written with (its API name).</param>
/// <param name="NextDueAt">The next time-driven lifecycle transition the row was written with.</param>
/// <param name="PurchaseDays">Distinct UTC purchase days; null for a row written before the index kept it.</param>
/// <param name="FirstPurchaseAt">The first purchase; null when <paramref name="PurchaseDays"/> is.</param>
/// <param name="RepeatDaySpend">Purchase totals of the purchase days after the first.</param>
public readonly record struct ValueInputRow(
    string CustomerId,
    int Frequency,
    decimal Monetary,
    DateTimeOffset LastPurchaseAt,
    string Stage,
    DateTimeOffset? NextDueAt,
    int? PurchaseDays,
    DateTimeOffset? FirstPurchaseAt,
    decimal RepeatDaySpend);
