using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Weighting;

/// <summary>
/// A customer with a basket is deciding now: cross-sell ×1.5 (complete the basket), up-sell ×1.3
/// (the better version, before paying).
/// </summary>
public sealed class BasketWeightRule : IContextWeightRule
{
    /// <summary>The weight of cross-sell while the basket holds something.</summary>
    public const double CrossSellWeight = 1.5;

    /// <summary>The weight of up-sell while the basket holds something.</summary>
    public const double UpSellWeight = 1.3;

    /// <inheritdoc />
    public string Name => "builtin.basket";

    /// <inheritdoc />
    public double Weigh(ActionCandidate candidate, EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Basket.Count == 0)
        {
            return 1.0;
        }

        return candidate.Action.Kind switch
        {
            ActionKinds.CrossSell => CrossSellWeight,
            ActionKinds.UpSell => UpSellWeight,
            _ => 1.0,
        };
    }
}
