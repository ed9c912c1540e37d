using System.Globalization;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Grains.Campaigns;

namespace CustomerEngine.Campaigns.Benchmarks;

/// <summary>
/// 100 active campaigns of the kinds marketing writes: 40 on purchases (a category each, 5 of them
/// tents), 20 on store entries, 10 on baskets, 10 on lifecycle changes into at-risk and 20
/// standing offers, with audiences of two to four conditions over the 360 view.
/// </summary>
internal static class CampaignMix
{
    private static readonly string[] Categories = ["tents", "stoves", "mats", "boots", "jackets", "lamps", "bags", "socks"];

    public static async Task<ActiveCampaigns> StartAsync(int count)
    {
        var campaigns = new ActiveCampaigns(Microsoft.Extensions.Options.Options.Create(new CampaignOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<ActiveCampaigns>.Instance);
        for (var i = 0; i < count; i++)
        {
            var id = "bench-" + i.ToString("D3", CultureInfo.InvariantCulture);
            var definition = CampaignJson.Parse(Json(i)).Definition!;
            var compilation = campaigns.Compile(id, definition);
            if (compilation.Campaign is null)
            {
                throw new InvalidOperationException($"{id}: " + string.Join("; ", compilation.Errors.Select(e => $"{e.Field} {e.Message}")));
            }

            await campaigns.ApplyAsync(new CampaignRecord { Id = id, Definition = definition, Status = CampaignStatus.Active, Version = 1 });
        }

        return campaigns;
    }

    private static string Json(int i)
    {
        var audience = (i % 4) switch
        {
            0 => """{ "all": [ { "field": "lifecycle.stage", "in": ["new", "active", "wonBack"] }, { "not": { "field": "segments.priceSensitivity", "in": ["priceDriven"] } } ] }""",
            1 => """{ "all": [ { "field": "kind", "equals": "individual" }, { "field": "homeStoreId", "in": ["S1", "S2", "S3"] }, { "field": "value.frequency", "gte": 2 } ] }""",
            2 => """{ "any": [ { "field": "value.tier", "in": ["high", "medium"] }, { "field": "satisfaction.npsCategory", "equals": "promoter" } ] }""",
            _ => """{ "all": [ { "field": "attributes.segmentNote", "equals": "retiree" }, { "field": "value.monetary", "gte": 100 }, { "not": { "field": "lifecycle.stage", "in": ["churned"] } }, { "field": "value.rfm.r", "gte": 1, "lte": 5 } ] }""",
        };
        var trigger = i switch
        {
            < 40 => $$"""{ "eventType": "purchase", "where": { "field": "items.category", "contains": "{{(i % 8 == 0 ? "tents" : Categories[i % Categories.Length])}}" } }""",
            < 60 => """{ "eventType": "store.entered", "where": { "field": "storeId", "in": ["S1", "S2"] } }""",
            < 70 => """{ "eventType": "cart.added", "where": { "field": "category", "equals": "tents" } }""",
            < 80 => """{ "eventType": "lifecycle.changed", "where": { "field": "to", "equals": "atRisk" } }""",
            _ => """{ "whileInAudience": true }""",
        };
        return $$"""
            {
              "name": "Campaign {{i}}",
              "offer": { "title": "Offer {{i}}", "reason": "Because", "value": {{5 + (i % 20)}} },
              "audience": {{audience}},
              "trigger": {{trigger}},
              "caps": { "perCustomer": 3, "perCustomerWindowDays": 30, "totalPresentations": 1000000000 },
              "holdoutPercent": 10,
              "lever": 1.1
            }
            """;
    }
}
