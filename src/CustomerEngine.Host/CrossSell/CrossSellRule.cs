namespace CustomerEngine.Host.CrossSell;

/// <summary>One pairwise association rule {<paramref name="Antecedent"/>} → {<paramref name="Consequent"/>}.</summary>
/// <param name="Antecedent">The SKU in the basket.</param>
/// <param name="Consequent">The SKU the rule suggests.</param>
/// <param name="Support">Baskets holding both / all baskets.</param>
/// <param name="Confidence">Baskets holding both / baskets holding the antecedent.</param>
/// <param name="Lift">Confidence / the share of baskets holding the consequent.</param>
/// <param name="Count">Baskets holding both.</param>
public sealed record CrossSellRule(string Antecedent, string Consequent, double Support, double Confidence, double Lift, long Count);
