namespace CustomerEngine.Simulation.Catalog;

/// <summary>
/// An outdoor-and-home retailer's range with real basket structure: each category has a price
/// ladder (entry, mid, premium) for up-sell, and companion categories that shoppers tend to buy
/// together (tents with sleeping mats, stoves with gas), so cross-sell has something to learn.
/// </summary>
public sealed class ProductCatalog
{
    private readonly Dictionary<string, List<Product>> _byCategory;

    private ProductCatalog(IReadOnlyList<Product> products, IReadOnlyDictionary<string, string[]> companions)
    {
        Products = products;
        Companions = companions;
        _byCategory = products.GroupBy(p => p.Category).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>Every product.</summary>
    public IReadOnlyList<Product> Products { get; }

    /// <summary>For each category, the categories often bought with it.</summary>
    public IReadOnlyDictionary<string, string[]> Companions { get; }

    /// <summary>The categories.</summary>
    public IReadOnlyCollection<string> Categories => _byCategory.Keys;

    /// <summary>The products of <paramref name="category"/>, cheapest first.</summary>
    public IReadOnlyList<Product> In(string category) => _byCategory[category];

    /// <summary>The default range.</summary>
    public static ProductCatalog Outdoor()
    {
        (string Category, string Noun, string[] Brands, decimal BasePrice)[] ranges =
        [
            ("tents", "Tent", ["Nordic", "Summit", "Ridge"], 89m),
            ("sleeping-mats", "Sleeping mat", ["Nordic", "Therma", "Ridge"], 24m),
            ("sleeping-bags", "Sleeping bag", ["Nordic", "Alpina", "Therma"], 59m),
            ("stoves", "Camping stove", ["Primo", "Trailhead"], 39m),
            ("gas", "Gas canister", ["Primo", "Trailhead"], 6m),
            ("cookware", "Cook set", ["Primo", "Canyon"], 29m),
            ("boots", "Hiking boots", ["Alpina", "Canyon", "Trailhead"], 79m),
            ("socks", "Hiking socks", ["Alpina", "Woolly"], 12m),
            ("jackets", "Rain jacket", ["Summit", "Ridge", "Alpina"], 99m),
            ("backpacks", "Backpack", ["Trailhead", "Summit"], 69m),
            ("lamps", "Head lamp", ["Lumo", "Trailhead"], 19m),
            ("batteries", "Battery pack", ["Lumo"], 9m),
            ("water-bottles", "Water bottle", ["Canyon", "Woolly"], 14m),
        ];
        string[] tiers = ["Lite", "Trek", "Pro"];
        var products = new List<Product>();
        foreach (var (category, noun, brands, basePrice) in ranges)
        {
            for (var tier = 0; tier < tiers.Length; tier++)
            {
                foreach (var brand in brands)
                {
                    var price = Math.Round(basePrice * (1m + (tier * 0.8m)) + (brand.Length % 3), 2);
                    var sku = $"{category[..3].ToUpperInvariant()}-{brand[..3].ToUpperInvariant()}-{tiers[tier][0]}";
                    products.Add(new Product(sku, $"{brand} {noun} {tiers[tier]}", category, brand, price));
                }
            }
        }

        var companions = new Dictionary<string, string[]>
        {
            ["tents"] = ["sleeping-mats", "sleeping-bags", "lamps"],
            ["sleeping-mats"] = ["sleeping-bags", "tents"],
            ["sleeping-bags"] = ["sleeping-mats"],
            ["stoves"] = ["gas", "cookware"],
            ["gas"] = ["stoves"],
            ["cookware"] = ["stoves", "gas"],
            ["boots"] = ["socks"],
            ["socks"] = ["boots"],
            ["jackets"] = ["backpacks"],
            ["backpacks"] = ["water-bottles", "lamps"],
            ["lamps"] = ["batteries"],
            ["batteries"] = ["lamps"],
            ["water-bottles"] = ["backpacks"],
        };
        return new ProductCatalog([.. products.OrderBy(p => p.Category, StringComparer.Ordinal).ThenBy(p => p.Price)], companions);
    }
}
