using CustomerEngine.Campaigns.Triggers;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Campaigns.Conditions;

/// <summary>
/// What an audience condition is evaluated over: the customer 360 view, plus two fields the view
/// does not carry, <c>currentStoreId</c> (the store the customer is in now) and <c>lastStoreId</c>
/// (the store of the customer's latest event that named one).
/// </summary>
/// <param name="View">The customer's 360 view at the moment of the decision.</param>
/// <param name="CurrentStoreId">The store the customer is in now, or null.</param>
/// <param name="LastStoreId">The store of the latest event that named one, or null.</param>
public sealed record AudienceSubject(Customer360 View, string? CurrentStoreId, string? LastStoreId)
{
    /// <summary>A copy with other values (<c>with</c>); it reads its fields afresh.</summary>
    private AudienceSubject(AudienceSubject original)
    {
        View = original.View;
        CurrentStoreId = original.CurrentStoreId;
        LastStoreId = original.LastStoreId;
        Values = new FieldValueCache();
    }

    /// <summary>The values of this subject read so far.</summary>
    internal FieldValueCache Values { get; } = new();

    /// <summary>The customer's latest lifecycle transition as a trigger, read once per decision by every <c>lifecycle.changed</c> campaign.</summary>
    internal TriggerSubject TransitionTrigger(LifecycleTransition latest) =>
        LatestTransition is { } known && ReferenceEquals(known.Root, latest) ? known : LatestTransition = TriggerSubject.ForTransition(latest);

    private TriggerSubject? LatestTransition { get; set; }
}
