using System.Globalization;
using CustomerEngine.Campaigns.Conditions;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;

namespace CustomerEngine.Campaigns.Triggers;

/// <summary>
/// What a trigger's <c>where</c> is evaluated over: the triggering event (its <c>data</c> and top
/// level, by their wire names), or a lifecycle transition as the pseudo-event
/// <c>lifecycle.changed</c> with data <c>{ from, to, at, reason }</c>.
/// </summary>
public sealed class TriggerSubject
{
    private long? _fingerprint;

    private TriggerSubject(string type, string key, object root, object? data)
    {
        Type = type;
        Key = key;
        Root = root;
        Data = data;
    }

    /// <summary>The event type the trigger compares with <c>trigger.eventType</c>.</summary>
    public string Type { get; }

    /// <summary>Identifies this occurrence, so that one event triggers a campaign once for a customer however often it is looked at.</summary>
    public string Key { get; }

    /// <summary>The <see cref="TriggerFingerprint"/> of <see cref="Key"/>, worked out once for every campaign the occurrence triggers.</summary>
    public long Fingerprint => _fingerprint ??= TriggerFingerprint.Of(Key);

    /// <summary>The event itself (its top-level fields).</summary>
    public object Root { get; }

    /// <summary>The event's data.</summary>
    public object? Data { get; }

    /// <summary>The values of this subject read so far.</summary>
    internal FieldValueCache Values { get; } = new();

    /// <summary>The subject of a customer event.</summary>
    public static TriggerSubject ForEvent(CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new TriggerSubject(e.Type, "event:" + e.EventId, e, e.Data);
    }

    /// <summary>The subject of a lifecycle transition, as the pseudo-event <c>lifecycle.changed</c>.</summary>
    public static TriggerSubject ForTransition(LifecycleTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var key = string.Create(CultureInfo.InvariantCulture, $"lifecycle:{transition.At.UtcTicks}:{transition.To}");
        return new TriggerSubject(CampaignTriggerTypes.LifecycleChanged, key, transition, transition);
    }
}
