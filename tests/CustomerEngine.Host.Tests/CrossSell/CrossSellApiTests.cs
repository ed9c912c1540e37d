using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Host.Tests.CrossSell;

/// <summary>The associations and rules endpoints over purchases posted through the API.</summary>
public sealed class CrossSellApiTests : IAsyncLifetime
{
    private readonly EngineFactory _factory = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _factory.CreateClient();
        await _factory.CrossSellCaughtUpAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        EngineFactory.DeleteDatabase(_factory.DatabasePath);
    }

    [Fact]
    public async Task Associations_of_a_product_have_the_hand_computed_measures_by_lift()
    {
        await _client.IngestAllAsync(Baskets.Purchases(Baskets.OutdoorShop, "a"));

        var (status, body, _) = await _client.GetJsonAsync("/api/products/tent/associations");

        Assert.Equal(HttpStatusCode.OK, status);
        var associations = body!.AsArray();
        Assert.Equal(["stove", "mat", "lamp"], associations.Select(a => (string)a!["sku"]!));

        // {tent} → {stove}: n(tent,stove) = 2, n(tent) = 4, n(stove) = 2, N = 5.
        AssertMeasures(associations[0]!, support: 2.0 / 5, confidence: 2.0 / 4, lift: 2.0 * 5 / (4 * 2), count: 2);

        // {tent} → {mat}: 3 of 5 baskets, 3 of tent's 4, lift 15/16 (the mat listed twice in basket 2 counts once).
        AssertMeasures(associations[1]!, support: 3.0 / 5, confidence: 3.0 / 4, lift: 3.0 * 5 / (4 * 4), count: 3);

        // {tent} → {lamp}: 1 basket.
        AssertMeasures(associations[2]!, support: 1.0 / 5, confidence: 1.0 / 4, lift: 1.0 * 5 / (4 * 2), count: 1);
    }

    [Fact]
    public async Task Associations_are_cut_to_the_limit_keeping_the_highest_lift()
    {
        await _client.IngestAllAsync(Baskets.Purchases(Baskets.OutdoorShop, "l"));

        var (status, body, _) = await _client.GetJsonAsync("/api/products/tent/associations?limit=1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["stove"], body!.AsArray().Select(a => (string)a!["sku"]!));
    }

    [Fact]
    public async Task Rules_are_exactly_the_hand_computed_ones_at_inclusive_thresholds()
    {
        await _client.IngestAllAsync(Baskets.Purchases(Baskets.OutdoorShop, "r"));

        var (status, body, _) = await _client.GetJsonAsync("/api/cross-sell/rules?minSupport=0.4&minConfidence=0.5");
        var (_, stricter, _) = await _client.GetJsonAsync("/api/cross-sell/rules?minSupport=0.4&minConfidence=0.75&limit=3");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(5, (long)body!["baskets"]!);
        var rules = body["rules"]!.AsArray();

        // Support 0.4 and confidence 0.5 are met exactly by {tent} → {stove} and {mat} → {lamp}:
        // thresholds are inclusive. Ties in lift go by antecedent, then consequent.
        Assert.Equal(
            ["lamp→mat", "mat→lamp", "stove→tent", "tent→stove", "mat→tent", "tent→mat"],
            rules.Select(r => $"{(string)r!["antecedent"]!}→{(string)r["consequent"]!}"));
        AssertMeasures(rules[0]!, support: 2.0 / 5, confidence: 2.0 / 2, lift: 2.0 * 5 / (2 * 4), count: 2);
        AssertMeasures(rules[1]!, support: 2.0 / 5, confidence: 2.0 / 4, lift: 2.0 * 5 / (4 * 2), count: 2);
        AssertMeasures(rules[2]!, support: 2.0 / 5, confidence: 2.0 / 2, lift: 2.0 * 5 / (2 * 4), count: 2);
        AssertMeasures(rules[3]!, support: 2.0 / 5, confidence: 2.0 / 4, lift: 2.0 * 5 / (4 * 2), count: 2);
        AssertMeasures(rules[4]!, support: 3.0 / 5, confidence: 3.0 / 4, lift: 3.0 * 5 / (4 * 4), count: 3);
        AssertMeasures(rules[5]!, support: 3.0 / 5, confidence: 3.0 / 4, lift: 3.0 * 5 / (4 * 4), count: 3);

        // At confidence 0.75 the two rules at 0.5 drop out; the limit keeps the best three.
        Assert.Equal(
            ["lamp→mat", "stove→tent", "mat→tent"],
            stricter!["rules"]!.AsArray().Select(r => $"{(string)r!["antecedent"]!}→{(string)r["consequent"]!}"));
    }

    [Fact]
    public async Task Rules_without_thresholds_use_the_configured_defaults()
    {
        await _client.IngestAllAsync(Baskets.Purchases(Baskets.OutdoorShop, "d"));

        var (_, body, _) = await _client.GetJsonAsync("/api/cross-sell/rules");

        // Defaults 0.001 and 0.1 admit every rule of a pair seen together: 5 pairs, 2 rules each.
        Assert.Equal(10, body!["rules"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_purchase_posted_twice_is_one_basket()
    {
        var purchases = Baskets.Purchases(Baskets.OutdoorShop, "dup");
        await _client.IngestAllAsync(purchases);

        // Redelivered: once in a later request, and twice more within one request.
        var again = await _client.IngestAsync(purchases[0]);
        var twiceInOne = await _client.IngestAsync(purchases[4], purchases[4]);
        var (_, body, _) = await _client.GetJsonAsync("/api/cross-sell/rules?minSupport=0.4&minConfidence=0.5");
        var (_, tent, _) = await _client.GetJsonAsync("/api/products/tent/associations");

        Assert.Equal(1, (int)again["duplicates"]!);
        Assert.Equal(2, (int)twiceInOne["duplicates"]!);
        Assert.Equal(5, (long)body!["baskets"]!);
        Assert.Equal(3, (long)tent!.AsArray().Single(a => (string)a!["sku"]! == "mat")!["count"]!);
    }

    [Fact]
    public async Task Purchases_teach_the_model_categories_and_mean_prices_for_fallback_and_up_sell()
    {
        await _client.IngestAllAsync(Baskets.Purchases(Baskets.OutdoorShop, "c"));

        var model = _factory.Services.GetRequiredService<ICrossSellModelReader>().Model;

        Assert.Equal("camping", model.CategoryOf("tent"));
        Assert.Equal(110m, model.MeanPrice("tent"));

        // Basket 5 holds two camping SKUs (tent and lamp): the category counts once per basket.
        Assert.Equal(5, model.CategoryBaskets("camping"));
        Assert.Equal(4, model.CategoryBaskets("sleeping"));
        var camping = model.CategoryAssociations("camping", 10);
        Assert.Equal(["sleeping", "cooking"], camping.Select(r => r.Consequent));
        Assert.Equal(4, camping[0].Count);
    }

    [Fact]
    public async Task Unknown_product_is_a_404_problem_naming_the_sku()
    {
        var (status, body, contentType) = await _client.GetJsonAsync("/api/products/no-such-sku/associations");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("sku", (string?)body!["field"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("-3")]
    [InlineData("ten")]
    public async Task Association_limit_outside_1_to_100_is_a_400_problem_naming_limit(string limit)
    {
        await _client.IngestAllAsync(Baskets.Purchases(Baskets.OutdoorShop, $"lim{limit}"));

        var (status, body, contentType) = await _client.GetJsonAsync($"/api/products/tent/associations?limit={limit}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("limit", (string?)body!["field"]);
    }

    [Theory]
    [InlineData("minSupport=-0.1", "minSupport")]
    [InlineData("minSupport=1.5", "minSupport")]
    [InlineData("minSupport=NaN", "minSupport")]
    [InlineData("minConfidence=high", "minConfidence")]
    [InlineData("minConfidence=2", "minConfidence")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=10001", "limit")]
    public async Task Bad_rule_query_values_are_400_problems_naming_the_field(string query, string field)
    {
        var (status, body, contentType) = await _client.GetJsonAsync($"/api/cross-sell/rules?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(field, (string?)body!["field"]);
    }

    [Fact]
    public async Task Cross_sell_endpoints_need_a_front_line_user_or_key()
    {
        using var anonymous = _factory.AnonymousClient();
        using var ingestOnly = _factory.AnonymousClient();
        ingestOnly.DefaultRequestHeaders.Add("X-Api-Key", "demo-ingest-key");

        var (unauthenticated, _, _) = await anonymous.GetJsonAsync("/api/cross-sell/rules");
        var (forbidden, _, _) = await ingestOnly.GetJsonAsync("/api/products/tent/associations");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden);
    }

    private static void AssertMeasures(JsonNode rule, double support, double confidence, double lift, long count)
    {
        Assert.Equal(support, (double)rule["support"]!);
        Assert.Equal(confidence, (double)rule["confidence"]!);
        Assert.Equal(lift, (double)rule["lift"]!);
        Assert.Equal(count, (long)rule["count"]!);
    }
}
