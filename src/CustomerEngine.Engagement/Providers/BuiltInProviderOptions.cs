using CustomerEngine.CrossSell.Candidates;

namespace CustomerEngine.Engagement.Providers;

/// <summary>The settings of the built-in providers (the recovery window is the contact policy's).</summary>
public sealed record BuiltInProviderOptions
{
    /// <summary>The defaults.</summary>
    public static BuiltInProviderOptions Default { get; } = new();

    /// <summary>A purchase this recent makes a feedback request timely. Default 14 days.</summary>
    public TimeSpan FeedbackAfterPurchaseWithin { get; init; } = TimeSpan.FromDays(14);

    /// <summary>No feedback request while the customer gave feedback more recently than this. Default 90 days.</summary>
    public TimeSpan FeedbackQuietPeriod { get; init; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The custom attribute that marks a loyalty member (value <c>true</c>, any case); members are
    /// not asked to enrol. Default <c>loyaltyMember</c>, so a plug-in event handler can set it.
    /// </summary>
    public string LoyaltyMemberAttribute { get; init; } = "loyaltyMember";

    /// <summary>How cross-sell suggestions are chosen; the cross-sell library's defaults.</summary>
    public CrossSellOptions CrossSell { get; init; } = new();

    /// <summary>How up-sell suggestions are chosen; the cross-sell library's defaults.</summary>
    public UpSellOptions UpSell { get; init; } = new();

    /// <summary>The most association or step-up reasons a cross-sell or up-sell candidate lists. Default 3.</summary>
    public int MaxItemReasons { get; init; } = 3;
}
