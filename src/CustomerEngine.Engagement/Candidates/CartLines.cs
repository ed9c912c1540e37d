using System.Globalization;
using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.Domain.Events;

namespace CustomerEngine.Engagement.Candidates;

/// <summary>
/// Recovers the basket from the recent interactions. The state keeps only a one-line summary of
/// each event ("added SKU-1 to cart", "added 2 × SKU-1 to cart"), so the SKU is read back from it;
/// a summary in any other form is skipped rather than guessed at.
/// </summary>
internal static class CartLines
{
    private const string Prefix = "added ";
    private const string Suffix = " to cart";
    private const string Times = " × ";

    public static IReadOnlyList<BasketLine> Derive(ReadOnlyCustomerState state, CustomerEvent? trigger)
    {
        var lastPurchaseAt = state.LastPurchaseAt;
        var triggerLine = trigger?.Data as CartAdded;
        List<BasketLine>? lines = null;

        // Newest first, so a SKU added twice is listed where it was last added. Runs at every
        // decision over at most the recent depth, so a loop without a set or an enumerator.
        var recent = state.Recent;
        for (var i = 0; i < recent.Count; i++)
        {
            var interaction = recent[i];
            if (lastPurchaseAt is { } purchased && interaction.OccurredAt <= purchased)
            {
                break;
            }

            if (interaction.Type != EventTypes.CartAdded || SkuOf(interaction.Summary) is not { } sku || Holds(lines, sku))
            {
                continue;
            }

            (lines ??= []).Add(triggerLine is not null && triggerLine.Sku == sku
                ? new BasketLine(sku, NonBlank(triggerLine.Category), triggerLine.Price is >= 0m ? triggerLine.Price : null)
                : new BasketLine(sku));
        }

        return lines ?? (IReadOnlyList<BasketLine>)[];
    }

    private static bool Holds(List<BasketLine>? lines, string sku)
    {
        if (lines is null)
        {
            return false;
        }

        foreach (var line in lines)
        {
            if (string.Equals(line.Sku, sku, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? SkuOf(string summary)
    {
        if (!summary.StartsWith(Prefix, StringComparison.Ordinal) || !summary.EndsWith(Suffix, StringComparison.Ordinal)
            || summary.Length <= Prefix.Length + Suffix.Length)
        {
            return null;
        }

        var middle = summary[Prefix.Length..^Suffix.Length];
        var times = middle.IndexOf(Times, StringComparison.Ordinal);
        if (times > 0 && int.TryParse(middle.AsSpan(0, times), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            middle = middle[(times + Times.Length)..];
        }

        return NonBlank(middle);
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
