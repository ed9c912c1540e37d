using System.Collections.Frozen;
using CustomerEngine.Campaigns.Triggers;

namespace CustomerEngine.Grains.Campaigns;

/// <summary>
/// The active campaigns at one moment, where each one's action id stands among them, and which of
/// them a decision has to evaluate: those triggered by the decision's event type, the
/// <c>lifecycle.changed</c> ones when the customer's stage changed recently, and the standing
/// offers. Immutable.
/// </summary>
public sealed class ActiveCampaignSet
{
    private readonly FrozenDictionary<string, (int[] Plain, int[] WithLifecycle)> _byEventType;
    private readonly int[] _standing;
    private readonly int[] _standingWithLifecycle;
    private readonly string?[] _triggerTypes;

    /// <summary>The active campaigns in order of id.</summary>
    public ActiveCampaignSet(LiveCampaign[] campaigns)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        Campaigns = campaigns;
        PositionByActionId = campaigns.Select((c, i) => (c.ActionId, i)).ToFrozenDictionary(x => x.ActionId, x => x.i, StringComparer.Ordinal);

        // Read once here: a later edit of a campaign puts a new set in force.
        _triggerTypes = [.. campaigns.Select(c => c.Compiled?.TriggerType)];
        var lifecycle = Positions(type => type == CampaignTriggerTypes.LifecycleChanged);
        _standing = Positions(type => type is null);
        _standingWithLifecycle = [.. _standing.Concat(lifecycle).Order()];
        _byEventType = _triggerTypes
            .OfType<string>()
            .Where(type => type != CampaignTriggerTypes.LifecycleChanged)
            .Distinct(StringComparer.Ordinal)
            .ToFrozenDictionary(
                type => type,
                type =>
                {
                    var plain = Positions(t => t is null || string.Equals(t, type, StringComparison.Ordinal));
                    return (plain, (int[])[.. plain.Concat(lifecycle).Order()]);
                },
                StringComparer.Ordinal);
        LongestLifecycleWindow = lifecycle.Length == 0 ? TimeSpan.Zero : lifecycle.Max(i => campaigns[i].Compiled!.LifecycleWindow);
    }

    /// <summary>No active campaign.</summary>
    public static ActiveCampaignSet Empty { get; } = new([]);

    /// <summary>The active campaigns in order of id.</summary>
    public IReadOnlyList<LiveCampaign> Campaigns { get; }

    /// <summary>The position in <see cref="Campaigns"/> of the campaign whose action id is the key.</summary>
    public FrozenDictionary<string, int> PositionByActionId { get; }

    /// <summary>The longest window of the <c>lifecycle.changed</c> campaigns: an older change triggers none of them.</summary>
    public TimeSpan LongestLifecycleWindow { get; }

    /// <summary>
    /// The positions, in order, of the campaigns a decision prompted by <paramref name="eventType"/>
    /// (null for none) may trigger: the event's own campaigns and the standing offers, plus the
    /// <c>lifecycle.changed</c> ones when <paramref name="lifecycleChanged"/>. No other campaign can
    /// be triggered at that decision.
    /// </summary>
    public int[] Triggerable(string? eventType, bool lifecycleChanged)
    {
        if (eventType is not null && _byEventType.TryGetValue(eventType, out var positions))
        {
            return lifecycleChanged ? positions.WithLifecycle : positions.Plain;
        }

        return lifecycleChanged ? _standingWithLifecycle : _standing;
    }

    /// <summary>Whether the campaign at <paramref name="position"/> is among <see cref="Triggerable"/>'s answer for the same arguments.</summary>
    public bool IsTriggerable(int position, string? eventType, bool lifecycleChanged) => _triggerTypes[position] switch
    {
        null => true,
        CampaignTriggerTypes.LifecycleChanged => lifecycleChanged,
        var type => string.Equals(type, eventType, StringComparison.Ordinal),
    };

    private int[] Positions(Func<string?, bool> triggeredBy) =>
        [.. Enumerable.Range(0, _triggerTypes.Length).Where(i => triggeredBy(_triggerTypes[i]))];
}
