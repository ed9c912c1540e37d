using System.Globalization;
using CustomerEngine.CrossSell.Pricing;
using CustomerEngine.CrossSell.Rules;

namespace CustomerEngine.CrossSell.Candidates;

/// <summary>The human-readable reasons given with suggestions, in invariant-culture numbers.</summary>
internal static class SuggestionReason
{
    /// <summary>E.g. "bought tent, 41% of tent buyers also buy sleeping mat (lift 6.2)".</summary>
    public static string ForItem(HeldItem held, AssociationRule rule) =>
        $"{Subject(held)}, {Percent(rule.Confidence)} of {rule.Antecedent} buyers also buy {rule.Consequent} (lift {Lift(rule.Lift)})";

    /// <summary>
    /// E.g. "bought tent-x; too few baskets of tent-x yet, so by category: 62% of camping buyers
    /// also buy from the sleeping category (lift 2.1)".
    /// </summary>
    public static string ForCategory(HeldItem held, AssociationRule rule) =>
        $"{Subject(held)}; too few baskets of {held.Sku} yet, so by category: {Percent(rule.Confidence)} of {rule.Antecedent} buyers also buy from the {rule.Consequent} category (lift {Lift(rule.Lift)})";

    /// <summary>
    /// E.g. "has tent in basket; step up to tent-pro, a mid-tier camping item at 89.00 on average
    /// (against 59.00 for tent, entry-tier)".
    /// </summary>
    public static string ForUpSell(HeldItem held, string category, SkuPriceTier from, SkuPriceTier to) =>
        $"{Subject(held)}; step up to {to.Sku}, a {TierName(to.Tier)} {category} item at {Price(to.MeanPrice)} on average (against {Price(from.MeanPrice)} for {from.Sku}, {TierName(from.Tier)})";

    private static string Subject(HeldItem held) => held.Source == HeldIn.Basket ? $"has {held.Sku} in basket" : $"bought {held.Sku}";

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Lift(double lift) => lift.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Price(decimal price) => price.ToString("0.00", CultureInfo.InvariantCulture);

    private static string TierName(PriceTier tier) => tier switch
    {
        PriceTier.Entry => "entry-tier",
        PriceTier.Mid => "mid-tier",
        _ => "premium-tier",
    };
}
