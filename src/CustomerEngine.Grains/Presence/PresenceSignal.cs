using CustomerEngine.Domain.Events;

namespace CustomerEngine.Grains.Presence;

/// <summary>What an event says about a customer's presence in a store.</summary>
public enum PresenceSignal
{
    /// <summary>The customer walked in.</summary>
    Entered,

    /// <summary>The customer walked out.</summary>
    Left,

    /// <summary>The customer did something in the store.</summary>
    Seen,
}

/// <summary>Reads presence signals off events.</summary>
public static class PresenceSignals
{
    /// <summary>The signal of <paramref name="e"/>, or null when it says nothing about presence.</summary>
    public static PresenceSignal? Of(CustomerEvent e) => e.Type switch
    {
        EventTypes.StoreEntered => PresenceSignal.Entered,
        EventTypes.StoreLeft => PresenceSignal.Left,
        _ when e.StoreId is not null && e.Channel is null or EventChannel.Store => PresenceSignal.Seen,
        _ => null,
    };
}
