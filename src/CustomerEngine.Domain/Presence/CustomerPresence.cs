namespace CustomerEngine.Domain.Presence;

/// <summary>The latest enter, leave and sighting of one customer in one store.</summary>
public sealed class CustomerPresence
{
    /// <summary>The latest time the customer entered.</summary>
    public DateTimeOffset? EnteredAt { get; set; }

    /// <summary>The latest time the customer left.</summary>
    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>The latest time the customer entered or did something in the store.</summary>
    public DateTimeOffset? LastSeenAt { get; set; }
}
