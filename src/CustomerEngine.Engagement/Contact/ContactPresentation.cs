using CustomerEngine.Domain.Customers;
using CustomerEngine.Engagement.Outcomes;

namespace CustomerEngine.Engagement.Contact;

/// <summary>
/// One presentation: an action becoming one of the customer's current suggestions, from then until
/// it expired, was withdrawn or got an outcome.
/// </summary>
/// <param name="ActionId">The action presented.</param>
/// <param name="SuggestionId">The suggestion's id; outcomes are recorded against it.</param>
/// <param name="PresentedAt">When it became current.</param>
/// <param name="ExpiresAt">When it stops being valid.</param>
/// <param name="Outcome">What staff recorded, if anything.</param>
/// <param name="OutcomeAt">When the outcome was recorded.</param>
public sealed record ContactPresentation(
    string ActionId,
    string SuggestionId,
    DateTimeOffset PresentedAt,
    DateTimeOffset ExpiresAt,
    SuggestionOutcome? Outcome = null,
    DateTimeOffset? OutcomeAt = null)
{
    // Held as optional times, 16 bytes each instead of 24: every active customer keeps a few of these.
    private readonly OptionalTime _outcomeAt = new(OutcomeAt);
    private readonly OptionalTime _endedAt;

    /// <summary>When the outcome was recorded.</summary>
    public DateTimeOffset? OutcomeAt
    {
        get => _outcomeAt.Value;
        init => _outcomeAt = new(value);
    }

    /// <summary>The action's kind, so the rules can tell service recovery from the rest.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>
    /// The customer's propensity segment when it was presented: the outcome teaches that segment's
    /// posterior, even if the customer has moved on since.
    /// </summary>
    public string SegmentKey { get; init; } = string.Empty;

    /// <summary>
    /// The propensity sampled when it was presented. Kept so that a suggestion that stays current is
    /// ranked on the same draw: re-sampling every recomputation would shuffle staff's screen at random.
    /// </summary>
    public double Propensity { get; init; }

    /// <summary>When it stopped being current before expiring (outranked, no longer proposed, or an outcome); null otherwise.</summary>
    public DateTimeOffset? EndedAt
    {
        get => _endedAt.Value;
        init => _endedAt = new(value);
    }

    /// <summary>Whether it is one of the current suggestions at <paramref name="now"/>.</summary>
    public bool IsCurrentAt(DateTimeOffset now) => Outcome is null && EndedAt is null && ExpiresAt > now;

    /// <summary>When it stopped being current, as of <paramref name="now"/>; null while it still is.</summary>
    public DateTimeOffset? EndAsOf(DateTimeOffset now) =>
        EndedAt ?? OutcomeAt ?? (ExpiresAt <= now ? ExpiresAt : null);
}
