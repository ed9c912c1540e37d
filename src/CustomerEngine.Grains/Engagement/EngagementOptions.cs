using CustomerEngine.Engagement.Contact;

namespace CustomerEngine.Grains.Engagement;

/// <summary>Live suggestions (section <c>Engagement</c>).</summary>
public sealed class EngagementOptions
{
    /// <summary>How many suggestions a customer has at once.</summary>
    public int TopN { get; set; } = 3;

    /// <summary>At most this many suggestions presented per customer per rolling day.</summary>
    public int MaxPresentedPerDay { get; set; } = 3;

    /// <summary>After a dismissal, the action is not offered again for this long.</summary>
    public TimeSpan DeclineCooldown { get; set; } = TimeSpan.FromDays(7);

    /// <summary>An action presented once is not presented again within this window.</summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A detractor score this recent puts service recovery first.</summary>
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Seeds Thompson sampling and suggestion ids, for reproducible runs and tests; random when null.</summary>
    public int? Seed { get; set; }

    /// <summary>A JSON action catalog to start from instead of the built-in default (until one is PUT).</summary>
    public string? CatalogPath { get; set; }

    /// <summary>How often the learned propensities are written to the store.</summary>
    public TimeSpan LearningSaveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The contact policy these settings describe.</summary>
    public ContactPolicyOptions ToContactPolicy() => new()
    {
        TopN = TopN,
        MaxPresentedPerDay = MaxPresentedPerDay,
        DeclineCooldown = DeclineCooldown,
        RepeatWindow = RepeatWindow,
        RecoveryWindow = RecoveryWindow,
    };
}
