namespace CustomerEngine.Engagement.Suggestions;

/// <summary>
/// One ranked action offered to staff for one customer, with the reasons a person can read and
/// the four factors whose product is its <see cref="Priority"/>.
/// </summary>
/// <param name="SuggestionId">Unique per presentation; outcomes are recorded against it.</param>
/// <param name="ActionId">The catalog action (or plug-in/campaign action) it offers.</param>
/// <param name="Kind">The action kind's API name: <c>serviceRecovery</c>, <c>crossSell</c>, … or a plug-in's own.</param>
/// <param name="Title">What staff see as the headline.</param>
/// <param name="Reasons">Human-readable reasons, most important first.</param>
/// <param name="Factors">Propensity, context weight, value and lever.</param>
/// <param name="Priority">The product of the factors; suggestions are ranked by it.</param>
/// <param name="CreatedAt">When arbitration produced it.</param>
/// <param name="ExpiresAt">After this it is no longer offered.</param>
public sealed record Suggestion(
    string SuggestionId,
    string ActionId,
    string Kind,
    string Title,
    IReadOnlyList<string> Reasons,
    PriorityFactors Factors,
    double Priority,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <inheritdoc />
    // Compared by content, reasons included, so that a decision that produced the same suggestion
    // equals the one the customer holds (the grain then keeps the held one) and one read back from
    // storage equals the one written.
    public bool Equals(Suggestion? other) =>
        other is not null
        && SuggestionId == other.SuggestionId
        && ActionId == other.ActionId
        && Kind == other.Kind
        && Title == other.Title
        && Factors == other.Factors
        && Priority.Equals(other.Priority)
        && CreatedAt == other.CreatedAt
        && ExpiresAt == other.ExpiresAt
        && Reasons.SequenceEqual(other.Reasons, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SuggestionId, ActionId, Priority, CreatedAt, ExpiresAt);
}
