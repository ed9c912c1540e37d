using CustomerEngine.Domain.Customers;

namespace CustomerEngine.Engagement.Suggestions;

/// <summary>
/// Shares the texts of suggestions a customer keeps. Every active customer holds its suggestions,
/// and their titles and reasons ("the customer has made 3 purchases…") repeat across customers,
/// so the held ones point at one instance per text instead of a copy each.
/// </summary>
public static class SuggestionTexts
{
    private static readonly SharedStringPool Pool = new(capacity: 20_000, maxLength: 200);

    /// <summary>The suggestion with its title and reasons replaced by their shared instances; itself when they already are.</summary>
    public static Suggestion Share(Suggestion suggestion)
    {
        ArgumentNullException.ThrowIfNull(suggestion);
        var title = Pool.Share(suggestion.Title);
        var reasons = Share(suggestion.Reasons);
        return ReferenceEquals(title, suggestion.Title) && ReferenceEquals(reasons, suggestion.Reasons)
            ? suggestion
            : suggestion with { Title = title, Reasons = reasons };
    }

    private static IReadOnlyList<string> Share(IReadOnlyList<string> reasons)
    {
        string[]? shared = null;
        for (var i = 0; i < reasons.Count; i++)
        {
            var text = Pool.Share(reasons[i]);
            if (shared is null && ReferenceEquals(text, reasons[i]))
            {
                continue;
            }

            if (shared is null)
            {
                shared = new string[reasons.Count];
                for (var j = 0; j < i; j++)
                {
                    shared[j] = reasons[j];
                }
            }

            shared[i] = text;
        }

        return shared ?? reasons;
    }
}
