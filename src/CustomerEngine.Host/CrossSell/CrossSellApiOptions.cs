namespace CustomerEngine.Host.CrossSell;

/// <summary>Limits of the cross-sell endpoints, bound from the <c>CrossSell</c> section (beside the model's own settings).</summary>
public sealed class CrossSellApiOptions
{
    /// <summary>Associations returned when the request gives no <c>limit</c>. Default 10.</summary>
    public int DefaultAssociationLimit { get; set; } = 10;

    /// <summary>The largest <c>limit</c> of the associations endpoint. Default 100.</summary>
    public int MaxAssociationLimit { get; set; } = 100;

    /// <summary>Rules returned when the request gives no <c>limit</c>. Default 100.</summary>
    public int DefaultRuleLimit { get; set; } = 100;

    /// <summary>The largest <c>limit</c> of the rules endpoint. Default 10,000.</summary>
    public int MaxRuleLimit { get; set; } = 10_000;
}
