using CustomerEngine.Campaigns.Definitions;

namespace CustomerEngine.Campaigns.Tests.Support;

/// <summary>Campaign definitions read from the wire form, as the API reads them.</summary>
public static class CampaignDefinitions
{
    /// <summary>The example of the wire contract.</summary>
    public const string ContractExample = """
        {
          "name": "Tent buyers: sleeping mats",
          "offer": { "title": "15% off sleeping mats", "reason": "Completes the camping kit", "value": 12.5, "actionId": null },
          "audience": { "all": [ { "field": "lifecycle.stage", "in": ["new", "active"] },
                                 { "not": { "field": "segments.priceSensitivity", "in": ["priceDriven"] } } ] },
          "trigger": { "eventType": "purchase", "where": { "field": "items.category", "contains": "tents" } },
          "schedule": { "start": "2026-11-01T00:00:00Z", "end": null, "timeZone": "UTC", "days": null, "hours": null },
          "caps": { "perCustomer": 1, "perCustomerWindowDays": 30, "totalPresentations": 10000 },
          "holdoutPercent": 10,
          "lever": 1.2
        }
        """;

    public static CampaignDefinition Read(string json)
    {
        var (definition, error) = CampaignJson.Parse(json);
        Assert.True(error is null, $"{error?.Field}: {error?.Message}");
        return definition!;
    }

    /// <summary>A valid inline offer with the given audience and trigger JSON.</summary>
    public static CampaignDefinition With(string audience = "null", string trigger = """{ "whileInAudience": true }""", string extra = "") =>
        Read($$"""
            {
              "name": "Test",
              "offer": { "title": "Offer", "reason": "Because", "value": 10 },
              "audience": {{audience}},
              "trigger": {{trigger}}{{(extra.Length > 0 ? "," + extra : string.Empty)}}
            }
            """);
}
