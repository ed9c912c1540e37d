using CustomerEngine.Campaigns.Triggers;

namespace CustomerEngine.Campaigns.Evaluation;

/// <summary>What compiling a campaign needs to know about the engine.</summary>
public sealed record CampaignCompileOptions
{
    /// <summary>The defaults: no catalog check, a one-day window for lifecycle triggers.</summary>
    public static CampaignCompileOptions Default { get; } = new();

    /// <summary>Whether the catalog has an action id (for <c>offer.actionId</c>); null skips the check.</summary>
    public Func<string, bool>? ActionExists { get; init; }

    /// <summary>How recent a lifecycle change must be to trigger a <c>lifecycle.changed</c> campaign.</summary>
    public TimeSpan LifecycleWindow { get; init; } = CampaignTriggerTypes.DefaultLifecycleWindow;
}
