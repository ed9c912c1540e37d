using System.Globalization;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;

namespace CustomerEngine.CrossSell.Benchmarks;

/// <summary>Prints, as Markdown, the rules the model learns from Groceries at support 0.01, confidence 0.3.</summary>
internal static class GroceriesRuleTable
{
    private const int Shown = 20;

    public static void Print(TextWriter output)
    {
        var model = new CrossSellModel();
        foreach (var basket in GroceriesFile.Load())
        {
            model.Learn(basket);
        }

        var (baskets, rules) = model.Rules(new AssociationThresholds(0.01, 0.3), int.MaxValue);
        output.WriteLine($"{baskets:N0} baskets, {model.DistinctItems} items, {model.DistinctPairs:N0} distinct pairs; {rules.Count} rules at minSupport 0.01, minConfidence 0.3 (top {Shown} by lift):");
        output.WriteLine();
        output.WriteLine("| # | antecedent | consequent | support | confidence | lift | count |");
        output.WriteLine("|--:|---|---|--:|--:|--:|--:|");
        foreach (var (rule, rank) in rules.Take(Shown).Select((rule, i) => (rule, i + 1)))
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {rank} | {rule.Antecedent} | {rule.Consequent} | {rule.Support:F5} | {rule.Confidence:F4} | {rule.Lift:F4} | {rule.Count} |"));
        }
    }
}
