using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Actions;

namespace CustomerEngine.Engagement.Learning;

/// <summary>The segment a customer's propensities are learned in: <c>{tier}/{priceSensitivity}</c>, e.g. <c>high/valueDriven</c>.</summary>
/// <remarks>
/// Tier and price sensitivity are the two traits that most change how an offer lands (what the
/// customer is worth to keep, and whether a discount or quality persuades them), and both are
/// known from the first purchase. Together they make at most 4 × 3 = 12 cells per action, few
/// enough that each cell collects outcomes quickly; finer keys (brand loyalty, channel, stage)
/// would starve the cells of data, and the lifecycle stage is already decided by eligibility.
/// An unknown value (no purchase yet) is written <c>unknown</c>.
/// </remarks>
public static class SegmentKeys
{
    /// <summary>The value written for a trait not known yet.</summary>
    public const string Unknown = "unknown";

    /// <summary>The segment key of <paramref name="customer"/>.</summary>
    public static string Of(Customer360 customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return Of(customer.Value.Tier, customer.Segments.PriceSensitivity);
    }

    /// <summary>The segment key of a customer with <paramref name="tier"/> and <paramref name="priceSensitivity"/>.</summary>
    public static string Of(ValueTier? tier, PriceSensitivity? priceSensitivity)
    {
        var row = tier is { } t ? 1 + (int)t : 0;
        var column = priceSensitivity is { } p ? 1 + (int)p : 0;
        if ((uint)row >= Rows || (uint)column >= Columns)
        {
            return Make(tier, priceSensitivity);
        }

        // Every presentation keeps its key for as long as the customer's history holds it: one
        // shared string per cell rather than one per decision.
        ref var key = ref Keys[(row * Columns) + column];
        return key ??= Make(tier, priceSensitivity);
    }

    private static string Make(ValueTier? tier, PriceSensitivity? priceSensitivity) =>
        (tier is { } t ? ApiNames<ValueTier>.Of(t) : Unknown) + "/" + (priceSensitivity is { } p ? ApiNames<PriceSensitivity>.Of(p) : Unknown);

    private static readonly int Rows = 1 + Enum.GetValues<ValueTier>().Length;
    private static readonly int Columns = 1 + Enum.GetValues<PriceSensitivity>().Length;
    private static readonly string?[] Keys = new string?[Rows * Columns];
}
