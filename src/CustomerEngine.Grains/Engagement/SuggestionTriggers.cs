using CustomerEngine.Domain.Events;

namespace CustomerEngine.Grains.Engagement;

/// <summary>The events after which a customer's suggestions are recomputed.</summary>
public static class SuggestionTriggers
{
    /// <summary>
    /// True for visits, baskets, purchases, feedback and complaints: the moments staff can act on.
    /// Lifecycle changes and catalog changes trigger a recompute on their own.
    /// </summary>
    public static bool Recompute(string type) => type is EventTypes.StoreEntered or EventTypes.CartAdded or EventTypes.Purchase
        or EventTypes.Feedback or EventTypes.ComplaintOpened or EventTypes.ComplaintResolved or EventTypes.ConsentChanged;
}
