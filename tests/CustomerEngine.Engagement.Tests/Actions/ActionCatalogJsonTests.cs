using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Actions;

namespace CustomerEngine.Engagement.Tests.Actions;

public sealed class ActionCatalogJsonTests
{
    [Fact]
    public void A_catalog_with_every_field_set_reads_back_equal_to_what_was_written()
    {
        var catalog = new ActionCatalog(7,
        [
            new ActionDefinition("win-back.email", ActionKinds.WinBack, "We miss you", "no purchase for {days} days", 50)
            {
                Lever = 1.5,
                Validity = TimeSpan.FromMinutes(90),
                Sales = true,
                Eligibility = new ActionEligibility
                {
                    Stages = [LifecycleStage.AtRisk, LifecycleStage.Churned],
                    Tiers = [ValueTier.High],
                    PriceSensitivities = [PriceSensitivity.PriceDriven],
                    BrandLoyalties = [BrandLoyalty.MultiBrandExplorer],
                    ChannelPreferences = [ChannelPreference.Omnichannel],
                    CustomerKinds = [CustomerKind.Organization],
                    Attributes = new Dictionary<string, string> { ["segment"] = "entrepreneur" },
                    RequiredConsent = new ConsentRequirement("email", "marketing"),
                },
            },
            new ActionDefinition("plugin.tea", "pluginTea", "Offer a cup of tea", "{name} waited", 0.25)
            {
                Eligibility = new ActionEligibility { RequiredConsent = new ConsentRequirement("sms") },
            },
        ]);

        var json = ActionCatalogJson.Serialize(catalog);
        var parsed = ActionCatalogJson.Parse(json);

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(7, parsed.Catalog.Version);
        Assert.Equal(catalog.Actions, parsed.Catalog.Actions);
        Assert.Contains("\"validity\": \"PT1H30M\"", json, StringComparison.Ordinal);
        Assert.Contains("\"multiBrandExplorer\"", json, StringComparison.Ordinal);
        Assert.Contains("\"organization\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_catalog_survives_a_round_trip()
    {
        var catalog = ActionCatalog.LoadDefault();

        var parsed = ActionCatalogJson.Parse(ActionCatalogJson.Serialize(catalog));

        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        Assert.Equal(catalog.Actions, parsed.Catalog.Actions);
    }

    [Fact]
    public void Omitted_optional_fields_take_their_defaults()
    {
        var parsed = ActionCatalogJson.Parse("""
            { "version": 1, "actions": [ { "id": "a", "kind": "crossSell", "title": "t", "reasonTemplate": "r", "value": 3 } ] }
            """);

        var action = Assert.Single(parsed.Catalog!.Actions);
        Assert.Equal(1.0, action.Lever);
        Assert.Equal(TimeSpan.FromHours(4), action.Validity);
        Assert.Equal(ActionEligibility.Any, action.Eligibility);
        Assert.Null(action.Sales);
        Assert.True(action.IsSales);
    }

    [Fact]
    public void Every_error_is_reported_with_the_field_at_fault()
    {
        var parsed = ActionCatalogJson.Parse("""
            {
              "version": 2,
              "actions": [
                { "id": "a", "kind": "retention", "title": "t", "reasonTemplate": "r", "value": 5, "levr": 2 },
                { "id": "b", "kind": "retention", "title": "t", "reasonTemplate": "r", "value": 0 },
                { "id": "c", "kind": "retention", "title": "t", "reasonTemplate": "r", "value": 5,
                  "eligibility": { "stages": ["active", "sleeping"], "requiredConsent": { "purpose": "marketing" } } },
                { "id": "a", "kind": "retention", "title": "t", "reasonTemplate": "r", "value": 5 },
                { "id": "e", "kind": "retention", "reasonTemplate": "r", "value": "five", "validity": "4 hours", "lever": -1 }
              ]
            }
            """);

        Assert.False(parsed.IsValid);
        Assert.Null(parsed.Catalog);
        Assert.Equal(
            [
                "actions[0].levr",
                "actions[2].eligibility.requiredConsent.channel",
                "actions[2].eligibility.stages[1]",
                "actions[4].title",
                "actions[4].value",
                "actions[4].validity",
                "actions[1].value",
                "actions[3].id",
            ],
            parsed.Errors.Select(e => e.Field));
        Assert.Contains("prospect, new, active, atRisk, churned, wonBack", parsed.Errors.Single(e => e.Field == "actions[2].eligibility.stages[1]").Message, StringComparison.Ordinal);
        Assert.Contains("actions[0]", parsed.Errors.Single(e => e.Field == "actions[3].id").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lever_that_is_not_positive_is_an_error_on_the_lever()
    {
        var parsed = ActionCatalogJson.Parse("""
            { "version": 1, "actions": [ { "id": "a", "kind": "upSell", "title": "t", "reasonTemplate": "r", "value": 1, "lever": 0 } ] }
            """);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("actions[0].lever", error.Field);
    }

    [Theory]
    [InlineData("not json", "$")]
    [InlineData("[1, 2]", "$")]
    [InlineData("""{ "actions": [] }""", "version")]
    [InlineData("""{ "version": 1 }""", "actions")]
    [InlineData("""{ "version": 1.5, "actions": [] }""", "version")]
    [InlineData("""{ "version": 1, "actions": [ 3 ] }""", "actions[0]")]
    [InlineData("""{ "version": 1, "actions": [], "extra": true }""", "extra")]
    public void A_document_that_is_not_a_catalog_names_where_it_goes_wrong(string json, string field)
    {
        var parsed = ActionCatalogJson.Parse(json);

        Assert.Equal(field, Assert.Single(parsed.Errors).Field);
    }

    [Fact]
    public void Enum_values_are_read_by_their_api_names_only()
    {
        var parsed = ActionCatalogJson.Parse("""
            { "version": 1, "actions": [ { "id": "a", "kind": "k", "title": "t", "reasonTemplate": "r", "value": 1,
              "eligibility": { "stages": ["AtRisk", 3, "atRisk"] } } ] }
            """);

        Assert.Equal(["actions[0].eligibility.stages[0]", "actions[0].eligibility.stages[1]"], parsed.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Building_an_invalid_catalog_in_code_fails_with_the_same_field_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new ActionCatalog(1,
        [
            new ActionDefinition("a", "k", "t", "r", 1),
            new ActionDefinition("a", "k", "t", "r", double.NaN),
        ]));

        Assert.Contains("actions[1].id", error.Message, StringComparison.Ordinal);
        Assert.Contains("actions[1].value", error.Message, StringComparison.Ordinal);
    }
}
