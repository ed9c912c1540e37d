using CustomerEngine.CrossSell.Rules;

namespace CustomerEngine.CrossSell.Model;

/// <summary>Settings of a <see cref="CrossSellModel"/>.</summary>
public sealed record CrossSellModelOptions
{
    /// <summary>
    /// The thresholds used when a caller gives none (e.g. an API request without minSupport or
    /// minConfidence). Defaults to support 0.001 (one basket in a thousand) and confidence 0.1.
    /// </summary>
    public AssociationThresholds Thresholds
    {
        get;
        init => field = value ?? throw new ArgumentNullException(nameof(value));
    } = new(0.001, 0.1);
}
