using System.Globalization;
using System.Text.Json.Nodes;
using CustomerEngine.Simulation.Catalog;

namespace CustomerEngine.Simulation.Shoppers;

/// <summary>
/// A reproducible retail business: a history that puts customers in every lifecycle stage, then a
/// live stream of store visits in which people browse, fill baskets with related products, buy,
/// return things, give feedback, complain and leave. Events are the public API's JSON; the same
/// seed gives the same shoppers and the same choices.
/// </summary>
public sealed class RetailSimulator
{
    private static readonly string[] FirstNames = ["Ada", "Ben", "Chloé", "Dev", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jia", "Kofi", "Lena", "Mateo", "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sven", "Tomás", "Uma", "Vik", "Wen", "Yara", "Zeno"];
    private static readonly string[] LastNames = ["Andersen", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ivanova", "Jensen", "Kowalski", "Li", "Moreau", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"];
    private static readonly string[] Companies = ["Trailhead Scouts", "Peak Adventures Ltd", "Summit School", "Northwind Outfitters", "Riverside Camping Club"];
    private static readonly string[] ComplaintTopics = ["delivery", "product quality", "staff attitude", "refund delay", "wrong size"];

    private readonly Random _random;
    private readonly string _run;
    private readonly List<Shopper> _shoppers;
    private readonly List<Visit> _visits = [];
    private readonly Dictionary<string, List<(string OrderId, Product Product)>> _lastOrders = [];
    private long _sequence;

    /// <summary>Creates <paramref name="customers"/> shoppers over stores S1…S<paramref name="stores"/>.</summary>
    public RetailSimulator(int seed, int customers, int stores, ProductCatalog? catalog = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(customers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stores, 1);
        _random = new Random(seed);
        _run = seed.ToString("x", CultureInfo.InvariantCulture);
        Catalog = catalog ?? ProductCatalog.Outdoor();
        Stores = [.. Enumerable.Range(1, stores).Select(i => $"S{i}")];
        var profiles = Enum.GetValues<ShopperProfile>();
        var brands = Catalog.Products.Select(p => p.Brand).Distinct().ToArray();
        _shoppers = [.. Enumerable.Range(1, customers).Select(i =>
        {
            var organization = _random.Next(12) == 0;
            var name = organization ? Companies[_random.Next(Companies.Length)] : $"{FirstNames[_random.Next(FirstNames.Length)]} {LastNames[_random.Next(LastNames.Length)]}";
            return new Shopper(
                $"cust-{i:D5}", name, organization ? "organization" : "individual", Stores[_random.Next(Stores.Count)],
                profiles[WeightedProfile()], brands[_random.Next(brands.Length)], _random.Next(3) == 0);
        })];
    }

    /// <summary>The product range.</summary>
    public ProductCatalog Catalog { get; }

    /// <summary>The store ids.</summary>
    public IReadOnlyList<string> Stores { get; }

    /// <summary>The customers.</summary>
    public IReadOnlyList<Shopper> Shoppers => _shoppers;

    /// <summary>Each customer's past up to <paramref name="now"/>: registration and purchases shaped by their profile.</summary>
    public IEnumerable<JsonObject> History(DateTimeOffset now)
    {
        foreach (var shopper in _shoppers)
        {
            var registered = now.AddDays(-_random.Next(30, 720)).AddMinutes(_random.Next(600));
            yield return Event(shopper, "customer.registered", registered, "online", null, new JsonObject
            {
                ["name"] = shopper.Name,
                ["kind"] = shopper.Kind,
                ["homeStoreId"] = shopper.HomeStoreId,
                ["attributes"] = new JsonObject { ["source"] = "demo" },
            });
            foreach (var purchaseAt in PurchaseDays(shopper.Profile, registered, now))
            {
                foreach (var e in Purchase(shopper, purchaseAt, shopper.HomeStoreId))
                {
                    yield return e;
                }
            }

            if (_random.Next(4) == 0)
            {
                yield return Event(shopper, "feedback", now.AddDays(-_random.Next(1, 25)), "app", null, new JsonObject { ["nps"] = Nps(shopper), ["ces"] = 1 + _random.Next(7) });
            }
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> live events at <paramref name="now"/>: visits start,
    /// progress a step (browse, basket, buy, feedback…) and end.
    /// </summary>
    public IReadOnlyList<JsonObject> Next(int count, DateTimeOffset now)
    {
        var events = new List<JsonObject>(count);
        while (events.Count < count)
        {
            if (_visits.Count < Math.Max(3, _shoppers.Count / 20) && (_visits.Count == 0 || _random.Next(3) == 0))
            {
                var shopper = _shoppers[_random.Next(_shoppers.Count)];
                if (_visits.Exists(v => v.Shopper == shopper))
                {
                    continue;
                }

                var store = _random.Next(5) == 0 ? Stores[_random.Next(Stores.Count)] : shopper.HomeStoreId;
                _visits.Add(new Visit(shopper, store, Catalog.Categories.ElementAt(_random.Next(Catalog.Categories.Count))));
                events.Add(Event(shopper, "store.entered", now, "store", store, null));
                continue;
            }

            var visit = _visits[_random.Next(_visits.Count)];
            events.AddRange(Step(visit, now));
        }

        return events;
    }

    private IEnumerable<JsonObject> Step(Visit visit, DateTimeOffset now)
    {
        var shopper = visit.Shopper;
        var roll = _random.Next(100);
        if (visit.Steps++ > 6 || roll < 8)
        {
            _visits.Remove(visit);
            if (visit.Basket.Count > 0 && _random.Next(4) > 0)
            {
                foreach (var e in Buy(shopper, visit.Basket, now, visit.StoreId))
                {
                    yield return e;
                }
            }

            if (_random.Next(6) == 0)
            {
                yield return Event(shopper, "feedback", now, "store", visit.StoreId, new JsonObject { ["nps"] = Nps(shopper), ["ces"] = 1 + _random.Next(7) });
            }

            yield return Event(shopper, "store.left", now, "store", visit.StoreId, null);
            yield break;
        }

        if (roll < 45)
        {
            var product = Choose(shopper, visit.Interest);
            yield return Event(shopper, "product.viewed", now, "store", visit.StoreId, ProductData(product));
        }
        else if (roll < 80)
        {
            var category = visit.Basket.Count > 0 && _random.Next(3) > 0 && Catalog.Companions.TryGetValue(visit.Basket[^1].Category, out var companions)
                ? companions[_random.Next(companions.Length)]
                : visit.Interest;
            var product = Choose(shopper, category);
            visit.Basket.Add(product);
            var data = ProductData(product);
            data["quantity"] = 1;
            yield return Event(shopper, "cart.added", now, "store", visit.StoreId, data);
        }
        else if (roll < 90 && _lastOrders.TryGetValue(shopper.CustomerId, out var orders) && orders.Count > 0 && _random.Next(3) == 0)
        {
            var (orderId, product) = orders[_random.Next(orders.Count)];
            orders.Clear();
            yield return Event(shopper, "return", now, "store", visit.StoreId, new JsonObject { ["orderId"] = orderId, ["sku"] = product.Sku, ["amount"] = product.Price });
        }
        else if (roll < 93)
        {
            yield return Event(shopper, "complaint.opened", now, "store", visit.StoreId, new JsonObject
            {
                ["complaintId"] = $"k-{_run}-{_sequence}",
                ["topic"] = ComplaintTopics[_random.Next(ComplaintTopics.Length)],
                ["severity"] = _random.Next(3) == 0 ? "high" : "normal",
            });
        }
        else
        {
            yield return Event(shopper, "product.viewed", now, "store", visit.StoreId, ProductData(Choose(shopper, visit.Interest)));
        }
    }

    private IEnumerable<JsonObject> Purchase(Shopper shopper, DateTimeOffset at, string storeId)
    {
        var first = Catalog.Categories.ElementAt(_random.Next(Catalog.Categories.Count));
        List<Product> basket = [Choose(shopper, first)];
        if (Catalog.Companions.TryGetValue(first, out var companions))
        {
            foreach (var companion in companions)
            {
                if (_random.Next(100) < 45)
                {
                    basket.Add(Choose(shopper, companion));
                }
            }
        }

        return Buy(shopper, basket, at, storeId);
    }

    private IEnumerable<JsonObject> Buy(Shopper shopper, List<Product> basket, DateTimeOffset at, string storeId)
    {
        var orderId = $"o-{_run}-{_sequence}";
        var items = new JsonArray();
        var total = 0m;
        foreach (var product in basket.DistinctBy(p => p.Sku))
        {
            var discount = shopper.BargainHunter && _random.Next(2) == 0 ? Math.Round(product.Price * 0.15m, 2) : 0m;
            total += product.Price - discount;
            items.Add(new JsonObject { ["sku"] = product.Sku, ["category"] = product.Category, ["brand"] = product.Brand, ["price"] = product.Price, ["quantity"] = 1, ["discount"] = discount });
        }

        _lastOrders[shopper.CustomerId] = [.. basket.Select(p => (orderId, p))];
        basket.Clear();
        yield return Event(shopper, "purchase", at, "store", storeId, new JsonObject { ["orderId"] = orderId, ["items"] = items, ["total"] = total });
    }

    private Product Choose(Shopper shopper, string category)
    {
        var range = Catalog.In(category);
        var loyal = range.Where(p => p.Brand == shopper.FavouriteBrand).ToList();
        var pool = loyal.Count > 0 && _random.Next(10) < 7 ? loyal : [.. range];
        return shopper.BargainHunter ? pool[0] : pool[_random.Next(pool.Count)];
    }

    private IEnumerable<DateTimeOffset> PurchaseDays(ShopperProfile profile, DateTimeOffset registered, DateTimeOffset now)
    {
        var span = (now - registered).TotalDays;
        switch (profile)
        {
            case ShopperProfile.Prospect:
                yield break;
            case ShopperProfile.New:
                yield return now.AddDays(-_random.Next(1, 20));
                yield break;
            case ShopperProfile.Regular:
                for (var day = Math.Min(span, 300); day > 2; day -= _random.Next(12, 40))
                {
                    yield return now.AddDays(-day);
                }

                yield return now.AddDays(-_random.Next(1, 10));
                yield break;
            case ShopperProfile.Lapsing:
                yield return now.AddDays(-_random.Next(150, 200));
                yield return now.AddDays(-_random.Next(65, 140));
                yield break;
            case ShopperProfile.Gone:
                yield return now.AddDays(-_random.Next(300, 400));
                yield return now.AddDays(-_random.Next(200, 290));
                yield break;
            case ShopperProfile.Returning:
                yield return now.AddDays(-_random.Next(420, 500));
                yield return now.AddDays(-_random.Next(380, 410));
                yield return now.AddDays(-_random.Next(2, 30));
                yield break;
        }
    }

    private int WeightedProfile()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 10 => (int)ShopperProfile.Prospect,
            < 22 => (int)ShopperProfile.New,
            < 62 => (int)ShopperProfile.Regular,
            < 77 => (int)ShopperProfile.Lapsing,
            < 90 => (int)ShopperProfile.Gone,
            _ => (int)ShopperProfile.Returning,
        };
    }

    private int Nps(Shopper shopper) => shopper.Profile switch
    {
        ShopperProfile.Regular => 7 + _random.Next(4),
        ShopperProfile.Lapsing or ShopperProfile.Gone => _random.Next(8),
        _ => _random.Next(11),
    };

    private static JsonObject ProductData(Product product) => new()
    {
        ["sku"] = product.Sku,
        ["category"] = product.Category,
        ["brand"] = product.Brand,
        ["price"] = product.Price,
    };

    private JsonObject Event(Shopper shopper, string type, DateTimeOffset at, string channel, string? storeId, JsonObject? data)
    {
        var e = new JsonObject
        {
            ["eventId"] = $"demo-{_run}-{++_sequence}",
            ["customerId"] = shopper.CustomerId,
            ["type"] = type,
            ["occurredAt"] = at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            ["channel"] = channel,
        };
        if (storeId is not null)
        {
            e["storeId"] = storeId;
        }

        if (data is not null)
        {
            e["data"] = data;
        }

        return e;
    }

    private sealed class Visit(Shopper shopper, string storeId, string interest)
    {
        public Shopper Shopper { get; } = shopper;

        public string StoreId { get; } = storeId;

        public string Interest { get; } = interest;

        public List<Product> Basket { get; } = [];

        public int Steps { get; set; }
    }
}
