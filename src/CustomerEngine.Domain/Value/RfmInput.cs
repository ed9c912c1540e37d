namespace CustomerEngine.Domain.Value;

/// <summary>What RFM scoring needs of one customer: purchases, net spend and the last purchase time.</summary>
public readonly record struct RfmInput(int Frequency, decimal Monetary, DateTimeOffset? LastPurchaseAt);
