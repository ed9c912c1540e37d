using System.Globalization;
using System.Text.Json;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;

namespace CustomerEngine.Campaigns.Triggers;

/// <summary>
/// What a trigger's <c>where</c> is evaluated over: the triggering event in its wire form (read
/// lazily, once, however many campaigns look at it), or a lifecycle transition as the pseudo-event
/// <c>lifecycle.changed</c> with data <c>{ from, to, at, reason }</c>.
/// </summary>
public sealed class TriggerSubject
{
    private readonly Func<JsonElement> _read;
    private JsonElement? _root;

    private TriggerSubject(string type, string key, Func<JsonElement> read)
    {
        Type = type;
        Key = key;
        _read = read;
    }

    /// <summary>The event type the trigger compares with <c>trigger.eventType</c>.</summary>
    public string Type { get; }

    /// <summary>Identifies this occurrence, so that one event triggers a campaign once for a customer however often it is looked at.</summary>
    public string Key { get; }

    /// <summary>The event's wire JSON.</summary>
    public JsonElement Root => _root ??= _read();

    /// <summary>The event's <c>data</c> object (an empty object when there is none).</summary>
    public JsonElement Data => Root.TryGetProperty("data", out var data) ? data : default;

    /// <summary>The subject of a customer event.</summary>
    public static TriggerSubject ForEvent(CustomerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new TriggerSubject(e.Type, "event:" + e.EventId, () => JsonSerializer.Deserialize<JsonElement>(CustomerEventJson.Serialize(e)));
    }

    /// <summary>The subject of a lifecycle transition, as the pseudo-event <c>lifecycle.changed</c>.</summary>
    public static TriggerSubject ForTransition(LifecycleTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var key = string.Create(CultureInfo.InvariantCulture, $"lifecycle:{transition.At.UtcTicks}:{transition.To}");
        return new TriggerSubject(CampaignTriggerTypes.LifecycleChanged, key, () =>
            JsonSerializer.SerializeToElement(new { type = CampaignTriggerTypes.LifecycleChanged, data = transition }, TransitionJson));
    }

    private static readonly JsonSerializerOptions TransitionJson = new(JsonSerializerDefaults.Web);
}
