using CustomerEngine.CrossSell.Baskets;

namespace CustomerEngine.CrossSell.Tests.Support;

/// <summary>
/// Reproducible random baskets over a small catalog, with categories and prices, and with some
/// repeated lines, for tests that compare two ways of learning the same baskets.
/// </summary>
internal static class SyntheticBaskets
{
    public static BasketLine[][] Generate(int seed, int baskets, int catalogSize = 300, int categories = 12)
    {
        var random = new Random(seed);
        var generated = new BasketLine[baskets][];
        for (var b = 0; b < baskets; b++)
        {
            var lines = new BasketLine[random.Next(0, 9)];
            for (var l = 0; l < lines.Length; l++)
            {
                // Squaring skews picks towards low numbers, so some items are popular and some rare.
                var item = (int)(Math.Pow(random.NextDouble(), 2) * catalogSize);
                var price = 5m + item + (random.Next(0, 100) / 100m);
                lines[l] = new BasketLine($"sku-{item}", $"category-{item % categories}", price);
            }

            generated[b] = lines;
        }

        return generated;
    }
}
