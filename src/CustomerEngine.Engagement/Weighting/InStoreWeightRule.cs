using CustomerEngine.Engagement.Actions;
using CustomerEngine.Engagement.Candidates;

namespace CustomerEngine.Engagement.Weighting;

/// <summary>
/// A customer in the store can be served and shown things in person: personal service ×2,
/// cross-sell and up-sell ×1.5 (the item is on the shelf a few steps away).
/// </summary>
public sealed class InStoreWeightRule : IContextWeightRule
{
    /// <summary>The weight of personal service while the customer is in a store.</summary>
    public const double PersonalServiceWeight = 2.0;

    /// <summary>The weight of cross-sell and up-sell while the customer is in a store.</summary>
    public const double ShelfWeight = 1.5;

    /// <inheritdoc />
    public string Name => "builtin.inStore";

    /// <inheritdoc />
    public double Weigh(ActionCandidate candidate, EngagementContext context)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(context);
        if (context.PresentInStoreId is null)
        {
            return 1.0;
        }

        return candidate.Action.Kind switch
        {
            ActionKinds.PersonalService => PersonalServiceWeight,
            ActionKinds.CrossSell or ActionKinds.UpSell => ShelfWeight,
            _ => 1.0,
        };
    }
}
