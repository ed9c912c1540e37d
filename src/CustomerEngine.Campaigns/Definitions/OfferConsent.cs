namespace CustomerEngine.Campaigns.Definitions;

/// <summary>The consent an offer needs: contact through <see cref="Channel"/> for <see cref="Purpose"/> (null: the whole channel).</summary>
public sealed record OfferConsent
{
    /// <summary>The contact channel, as in <c>consent.changed</c> events.</summary>
    public string? Channel { get; init; }

    /// <summary>The purpose, or null for every purpose of the channel.</summary>
    public string? Purpose { get; init; }
}
