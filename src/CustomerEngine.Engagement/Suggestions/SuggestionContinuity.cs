namespace CustomerEngine.Engagement.Suggestions;

/// <summary>
/// Keeps the suggestions a customer already holds when a new decision produced the same ones.
/// Most decisions re-rank to the same top N; keeping the held objects lets the fresh copies die
/// young instead of being promoted with the customer's state at the next collection.
/// </summary>
public static class SuggestionContinuity
{
    /// <summary>
    /// <paramref name="held"/> itself when <paramref name="fresh"/> holds the same suggestions in the
    /// same order (every field, reasons compared item by item), otherwise <paramref name="fresh"/>.
    /// </summary>
    public static IReadOnlyList<Suggestion> Keep(IReadOnlyList<Suggestion> held, IReadOnlyList<Suggestion> fresh)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(fresh);
        if (held.Count != fresh.Count)
        {
            return fresh;
        }

        for (var i = 0; i < held.Count; i++)
        {
            if (!Same(held[i], fresh[i]))
            {
                return fresh;
            }
        }

        return held;
    }

    private static bool Same(Suggestion held, Suggestion fresh) =>
        ReferenceEquals(held, fresh)
        || (held.SuggestionId == fresh.SuggestionId
            && held.ActionId == fresh.ActionId
            && held.Kind == fresh.Kind
            && held.Title == fresh.Title
            && held.Factors == fresh.Factors
            && held.Priority.Equals(fresh.Priority)
            && held.CreatedAt == fresh.CreatedAt
            && held.ExpiresAt == fresh.ExpiresAt
            && held.Reasons.SequenceEqual(fresh.Reasons, StringComparer.Ordinal));
}
