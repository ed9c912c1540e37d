namespace CustomerEngine.CrossSell.Rules;

/// <summary>
/// The pairwise association rule {<paramref name="Antecedent"/>} → {<paramref name="Consequent"/>}
/// and its measures, defined as in the association-rule literature (and arules).
/// </summary>
/// <param name="Antecedent">The item already bought (a SKU, or a category for category-level rules).</param>
/// <param name="Consequent">The item the rule suggests.</param>
/// <param name="Support">Baskets containing both items / all baskets.</param>
/// <param name="Confidence">support({a,b}) / support({a}): the share of the antecedent's baskets that also hold the consequent.</param>
/// <param name="Lift">confidence / support({b}): how much more often the pair occurs than if the items were independent.</param>
/// <param name="Count">The number of baskets containing both items.</param>
public sealed record AssociationRule(string Antecedent, string Consequent, double Support, double Confidence, double Lift, long Count);
