using System.Globalization;
using System.Text;
using CustomerEngine.Domain.Events;

namespace CustomerEngine.Domain.Customers;

/// <summary>The one-line, human-readable summaries of recent interactions.</summary>
internal static class InteractionSummary
{
    private const string EnteredStore = "entered store";
    private const string LeftStore = "left store";
    private const string Identified = "identified from anonymous visits";
    private const string RegisteredIndividual = "registered as individual";
    private const string RegisteredOrganization = "registered as organization";

    public static string Of(CustomerEvent e, bool knownComplaint) => e.Data switch
    {
        CustomerRegistered r => r.Kind == CustomerKind.Organization ? RegisteredOrganization : RegisteredIndividual,
        CustomerIdentified => Identified,
        StoreEntered => EnteredStore,
        StoreLeft => LeftStore,
        ProductViewed v => "viewed " + v.Sku,
        CartAdded c => c.Quantity == 1 ? "added " + c.Sku + " to cart" : $"added {Number(c.Quantity)} × {c.Sku} to cart",
        Purchase p => $"bought {Items(p.ItemCount)} for {Money(p.Total)}",
        ProductReturned r => $"returned {r.Sku} for {Money(r.Amount)}",
        FeedbackGiven f => Feedback(f),
        ComplaintOpened o => o.Topic is null ? $"complaint {o.ComplaintId} opened" : $"complaint {o.ComplaintId} opened: {o.Topic}",
        ComplaintResolved r => knownComplaint ? $"complaint {r.ComplaintId} resolved" : $"complaint {r.ComplaintId} resolved (not known as open)",
        ConsentChanged c => $"{(c.Granted ? "gave" : "withdrew")} consent to {c.Channel}{(c.Purpose is null ? string.Empty : " for " + c.Purpose)}",
        SuggestionOutcomeRecorded o => $"{o.Outcome} {KindInWords(o.Kind)} suggestion ({o.ActionId})",
        _ => e.Type,
    };

    /// <summary>
    /// The shared instance of a fixed summary, or the process-wide shared instance of a variable
    /// one: "viewed SKU-1" or "bought 1 item for 99.00" repeat across many customers.
    /// </summary>
    public static string Canonical(string summary) => summary switch
    {
        EnteredStore => EnteredStore,
        LeftStore => LeftStore,
        Identified => Identified,
        RegisteredIndividual => RegisteredIndividual,
        RegisteredOrganization => RegisteredOrganization,
        _ => SharedStringPool.CustomerTexts.Share(summary),
    };

    private static string Feedback(FeedbackGiven f)
    {
        var parts = new List<string>(3);
        if (f.Nps is { } nps)
        {
            parts.Add("NPS " + Number(nps));
        }

        if (f.Ces is { } ces)
        {
            parts.Add("CES " + Number(ces));
        }

        if (f.Comment is not null)
        {
            parts.Add("a comment");
        }

        return "gave feedback: " + string.Join(", ", parts);
    }

    // Staff read these on the store floor: "crossSell" as "cross-sell", "campaignOffer" as
    // "campaign offer"; a plug-in's own kind is split at its capitals the same way.
    private static string KindInWords(string kind)
    {
        var words = new StringBuilder(kind.Length + 4);
        foreach (var c in kind)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString() switch
        {
            "cross sell" => "cross-sell",
            "up sell" => "up-sell",
            "win back" => "win-back",
            var spaced => spaced,
        };
    }

    private static string Items(int count) => count == 1 ? "1 item" : Number(count) + " items";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
