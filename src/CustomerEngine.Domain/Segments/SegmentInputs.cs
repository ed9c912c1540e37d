namespace CustomerEngine.Domain.Segments;

/// <summary>
/// The running totals the behaviour segments are computed from (part of the customer state).
/// Totals rather than raw history keep the state small and the segments cheap to recompute.
/// </summary>
public sealed class SegmentInputs
{
    /// <summary>Spend over all purchase lines (price × quantity − discount).</summary>
    public decimal ItemSpend { get; set; }

    /// <summary>Spend over purchase lines that had a discount.</summary>
    public decimal DiscountedItemSpend { get; set; }

    /// <summary>Units bought per brand, for lines that name a brand.</summary>
    public Dictionary<string, int> BrandItemCounts { get; set; } = [];

    /// <summary>Interactions tagged with the store channel.</summary>
    public int StoreInteractions { get; set; }

    /// <summary>Interactions tagged with the online channel.</summary>
    public int OnlineInteractions { get; set; }

    /// <summary>Interactions tagged with the app channel (counted as online for the channel segment).</summary>
    public int AppInteractions { get; set; }

    /// <summary>Interactions tagged with the call-centre channel (counted only toward the total).</summary>
    public int CallCenterInteractions { get; set; }
}
