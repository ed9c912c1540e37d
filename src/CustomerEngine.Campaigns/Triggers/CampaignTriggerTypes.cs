using CustomerEngine.Domain.Events;

namespace CustomerEngine.Campaigns.Triggers;

/// <summary>
/// The event types a campaign can trigger on: those after which the engine decides a customer's
/// suggestions again (so an offer can come up at that moment), plus the pseudo-event
/// <c>lifecycle.changed</c> for a change of lifecycle stage.
/// </summary>
public static class CampaignTriggerTypes
{
    /// <summary>A change of lifecycle stage; its data is <c>{ from, to, at, reason }</c>.</summary>
    public const string LifecycleChanged = "lifecycle.changed";

    /// <summary>How recent a lifecycle change must be to trigger a campaign, by default.</summary>
    public static readonly TimeSpan DefaultLifecycleWindow = TimeSpan.FromDays(1);

    /// <summary>Every type a trigger may name.</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        EventTypes.StoreEntered, EventTypes.CartAdded, EventTypes.Purchase, EventTypes.Feedback,
        EventTypes.ComplaintOpened, EventTypes.ComplaintResolved, EventTypes.ConsentChanged, LifecycleChanged,
    ];
}
