namespace CustomerEngine.CrossSell.Candidates;

/// <summary>
/// One thing to offer a customer, the association rule behind it and why, in words.
/// </summary>
/// <param name="Sku">The suggested SKU; null when <paramref name="Level"/> is <see cref="SuggestionLevel.Category"/>.</param>
/// <param name="Category">The suggested SKU's category if known, or the suggested category.</param>
/// <param name="AntecedentSku">The customer's item the suggestion follows from.</param>
/// <param name="Support">The rule's support.</param>
/// <param name="Confidence">The rule's confidence.</param>
/// <param name="Lift">The rule's lift.</param>
/// <param name="Count">The baskets in which the rule's two items (or categories) occurred together.</param>
/// <param name="Reason">Why, for a person, e.g. "bought tent, 41% of tent buyers also buy sleeping mat (lift 6.2)".</param>
/// <param name="Level">Whether a SKU or a category is suggested.</param>
public sealed record CrossSellSuggestion(
    string? Sku,
    string? Category,
    string AntecedentSku,
    double Support,
    double Confidence,
    double Lift,
    long Count,
    string Reason,
    SuggestionLevel Level);
