using System.Text.Json;
using CustomerEngine.Campaigns.Definitions;
using CustomerEngine.Campaigns.Evaluation;
using CustomerEngine.Campaigns.Tests.Support;

namespace CustomerEngine.Campaigns.Tests;

public sealed class CampaignValidationTests
{
    [Fact]
    public void The_contract_example_compiles_and_writes_back_under_the_same_names()
    {
        var definition = CampaignDefinitions.Read(CampaignDefinitions.ContractExample);

        var compilation = CampaignCompiler.Compile("c1", definition);
        var written = CampaignJson.Serialize(definition);

        Assert.Empty(compilation.Errors);
        using var original = JsonDocument.Parse(CampaignDefinitions.ContractExample);
        foreach (var property in original.RootElement.EnumerateObject())
        {
            Assert.True(written.TryGetProperty(property.Name, out _), $"{property.Name} is written back");
        }

        Assert.Equal("tents", written.GetProperty("trigger").GetProperty("where").GetProperty("contains").GetString());
        Assert.Equal("lifecycle.stage", written.GetProperty("audience").GetProperty("all")[0].GetProperty("field").GetString());
        Assert.Equal(10000, written.GetProperty("caps").GetProperty("totalPresentations").GetInt64());
    }

    [Theory]
    [InlineData("""{ "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true } }""", "name")]
    [InlineData("""{ "name": "n", "trigger": { "whileInAudience": true } }""", "offer")]
    [InlineData("""{ "name": "n", "offer": { "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true } }""", "offer.title")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 0 }, "trigger": { "whileInAudience": true } }""", "offer.value")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 } }""", "trigger")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "eventType": "product.viewed" } }""", "trigger.eventType")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "eventType": "purchase", "where": { "field": "items.category" } } }""", "trigger.where")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "audience": { "field": "lifecycle.stag", "in": ["new"] } }""", "audience.field")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "audience": { "all": [ { "field": "lifecycle.stage", "in": ["new"] }, { "not": { "field": "segments.priceSensitivity", "in": ["cheap"] } } ] } }""", "audience.all[1].not.in[0]")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "audience": { "field": "lifecycle", "in": ["new"] } }""", "audience.field")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "audience": { "any": [] } }""", "audience.any")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "schedule": { "timeZone": "Mars/Olympus" } }""", "schedule.timeZone")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "schedule": { "start": "2026-11-02T00:00:00Z", "end": "2026-11-01T00:00:00Z" } }""", "schedule.end")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "schedule": { "days": ["monday", "someday"] } }""", "schedule.days[1]")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "schedule": { "hours": { "from": 25, "to": 3 } } }""", "schedule.hours.from")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "caps": { "perCustomer": 0 } }""", "caps.perCustomer")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "caps": { "totalPresentations": -5 } }""", "caps.totalPresentations")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "holdoutPercent": 100 }""", "holdoutPercent")]
    [InlineData("""{ "name": "n", "offer": { "title": "t", "reason": "r", "value": 1 }, "trigger": { "whileInAudience": true }, "lever": 0 }""", "lever")]
    public void An_invalid_definition_is_refused_naming_the_field_at_fault(string json, string field)
    {
        var definition = CampaignDefinitions.Read(json);

        var compilation = CampaignCompiler.Compile("c1", definition);

        Assert.Null(compilation.Campaign);
        Assert.Contains(compilation.Errors, e => e.Field == field);
    }

    [Theory]
    [InlineData("""{ "name": "n", "caps": { "perCustomer": "one" } }""", "caps.perCustomer")]
    [InlineData("""{ "name": "n", "holdoutPercent": [10] }""", "holdoutPercent")]
    [InlineData("""{ "name": "n", "audience": { "all": [ { "field": 5 } ] } }""", "audience.all[0].field")]
    [InlineData("""[1, 2]""", "body")]
    public void A_value_of_the_wrong_type_is_refused_naming_the_field(string json, string field)
    {
        var (definition, error) = CampaignJson.Parse(json);

        Assert.Null(definition);
        Assert.Equal(field, error?.Field);
    }

    [Fact]
    public void An_offer_of_an_action_missing_from_the_catalog_is_refused()
    {
        var definition = CampaignDefinitions.Read("""{ "name": "n", "offer": { "actionId": "nope" }, "trigger": { "whileInAudience": true } }""");

        var compilation = CampaignCompiler.Compile("c1", definition, new CampaignCompileOptions { ActionExists = id => id == "known" });

        Assert.Contains(compilation.Errors, e => e.Field == "offer.actionId");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var definition = CampaignDefinitions.Read("""{ "offer": { "title": "", "reason": "r", "value": -1 }, "trigger": {}, "lever": -2 }""");

        var fields = CampaignCompiler.Compile("c1", definition).Errors.Select(e => e.Field).ToHashSet();

        Assert.Superset(new HashSet<string> { "name", "offer.title", "offer.value", "trigger.eventType", "lever" }, fields);
    }
}
