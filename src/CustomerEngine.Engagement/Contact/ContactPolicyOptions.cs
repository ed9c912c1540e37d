namespace CustomerEngine.Engagement.Contact;

/// <summary>The contact policy (DOMAIN.md §6): how often, and how soon again, a customer may be offered something.</summary>
public sealed record ContactPolicyOptions
{
    /// <summary>The defaults.</summary>
    public static ContactPolicyOptions Default { get; } = new();

    /// <summary>The most presentations to one customer in any rolling 24 hours. Default 3.</summary>
    public int MaxPresentedPerDay
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A cap cannot be negative.");
    } = 3;

    /// <summary>After a dismissal, the action is not offered to the customer again for this long. Default 7 days.</summary>
    public TimeSpan DeclineCooldown
    {
        get;
        init => field = NonNegative(value);
    } = TimeSpan.FromDays(7);

    /// <summary>An action that stopped being current is not presented again for this long. Default 3 days.</summary>
    public TimeSpan RepeatWindow
    {
        get;
        init => field = NonNegative(value);
    } = TimeSpan.FromDays(3);

    /// <summary>How many suggestions are current at once. Default 3.</summary>
    public int TopN
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A count cannot be negative.");
    } = 3;

    /// <summary>
    /// How long a detractor score (NPS 0–6) keeps service recovery in force. An open complaint keeps
    /// it in force until resolved, however old. Default 30 days.
    /// </summary>
    public TimeSpan RecoveryWindow
    {
        get;
        init => field = NonNegative(value);
    } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a presentation is kept in the contact history: long enough for every rule above to
    /// see it (and for a late outcome to find it).
    /// </summary>
    public TimeSpan HistoryRetention => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerDay, Math.Max(DeclineCooldown.Ticks, RepeatWindow.Ticks)));

    private static TimeSpan NonNegative(TimeSpan value) =>
        value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A duration cannot be negative.");
}
