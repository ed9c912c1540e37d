using CustomerEngine.CrossSell.Rules;

namespace CustomerEngine.CrossSell.Tests.Support;

/// <summary>
/// An obviously correct recount to check the model against: nested loops over every basket, and
/// the textbook formulas applied literally (support as a share, confidence and lift as ratios of
/// supports).
/// </summary>
internal sealed class BruteForceRules
{
    private readonly Dictionary<string, long> _itemCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), long> _pairCounts = [];

    public BruteForceRules(IEnumerable<string[]> baskets)
    {
        foreach (var basket in baskets)
        {
            Baskets++;
            var items = basket.Distinct(StringComparer.Ordinal).ToArray();
            foreach (var a in items)
            {
                _itemCounts[a] = _itemCounts.GetValueOrDefault(a) + 1;
                foreach (var b in items)
                {
                    if (a != b)
                    {
                        _pairCounts[(a, b)] = _pairCounts.GetValueOrDefault((a, b)) + 1;
                    }
                }
            }
        }
    }

    public long Baskets { get; }

    public IReadOnlyDictionary<string, long> ItemCounts => _itemCounts;

    public long PairCount(string a, string b) => _pairCounts.GetValueOrDefault((a, b));

    /// <summary>Every rule {a} → {b} whose support and confidence are at or above the thresholds.</summary>
    public List<AssociationRule> Rules(double minSupport, double minConfidence)
    {
        var rules = new List<AssociationRule>();
        foreach (var ((a, b), count) in _pairCounts)
        {
            var support = (double)count / Baskets;
            var supportA = (double)_itemCounts[a] / Baskets;
            var supportB = (double)_itemCounts[b] / Baskets;
            var confidence = support / supportA;
            var lift = confidence / supportB;
            if (support >= minSupport && confidence >= minConfidence)
            {
                rules.Add(new AssociationRule(a, b, support, confidence, lift, count));
            }
        }

        return rules;
    }
}
