using CustomerEngine.Campaigns.Evaluation;
using CustomerEngine.Campaigns.Tests.Support;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Satisfaction;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;

namespace CustomerEngine.Campaigns.Tests;

public sealed class AudienceConditionTests
{
    [Fact]
    public void The_contract_audience_takes_new_and_active_customers_who_are_not_price_driven()
    {
        var campaign = CampaignCompiler.Compile("c1", CampaignDefinitions.Read(CampaignDefinitions.ContractExample)).Campaign!;

        Assert.True(campaign.InAudience(CustomerViews.Subject(stage: LifecycleStage.Active, price: PriceSensitivity.ValueDriven)));
        Assert.True(campaign.InAudience(CustomerViews.Subject(stage: LifecycleStage.New, price: null)));
        Assert.False(campaign.InAudience(CustomerViews.Subject(stage: LifecycleStage.Active, price: PriceSensitivity.PriceDriven)));
        Assert.False(campaign.InAudience(CustomerViews.Subject(stage: LifecycleStage.AtRisk)));
    }

    [Fact]
    public void Tiers_kinds_stores_attributes_rfm_ranges_and_nps_categories_can_be_targeted()
    {
        var campaign = Compile("""
            { "all": [
                { "field": "value.tier", "in": ["high", "medium"] },
                { "field": "kind", "equals": "individual" },
                { "any": [ { "field": "homeStoreId", "equals": "S1" }, { "field": "currentStoreId", "equals": "S1" } ] },
                { "field": "attributes.segmentNote", "equals": "retiree" },
                { "field": "value.rfm.r", "gte": 4, "lte": 5 },
                { "field": "satisfaction.npsCategory", "in": ["promoter"] } ] }
            """);
        var fits = CustomerViews.Subject(tier: ValueTier.High, attributes: new Dictionary<string, string> { ["segmentNote"] = "retiree" }, rfm: new RfmScore(5, 3, 3), nps: NpsCategory.Promoter);

        Assert.True(campaign.InAudience(fits));
        Assert.False(campaign.InAudience(fits with { View = fits.View with { Value = fits.View.Value with { Rfm = new RfmScore(3, 3, 3) } } }));
        Assert.False(campaign.InAudience(fits with { View = fits.View with { Kind = CustomerKind.Organization } }));
        Assert.False(campaign.InAudience(fits with { View = fits.View with { Attributes = new Dictionary<string, string>() } }));
        Assert.True(campaign.InAudience(fits with { View = fits.View with { HomeStoreId = "S9" }, CurrentStoreId = "S1" }));
        Assert.False(campaign.InAudience(fits with { View = fits.View with { HomeStoreId = "S9" } }));
    }

    [Fact]
    public void A_missing_value_matches_no_test_but_its_negation()
    {
        var hasTier = Compile("""{ "field": "value.tier", "in": ["high", "medium", "low"] }""");
        var noTier = Compile("""{ "not": { "field": "value.tier", "in": ["high", "medium", "low"] } }""");
        var unranked = CustomerViews.Subject(tier: null);

        Assert.False(hasTier.InAudience(unranked));
        Assert.True(noTier.InAudience(unranked));
    }

    [Fact]
    public void Lists_in_the_view_are_looked_into()
    {
        var campaign = Compile("""{ "field": "recent.type", "contains": "purchase" }""");

        Assert.True(campaign.InAudience(CustomerViews.Subject()));
    }

    [Fact]
    public void Text_comparisons_ignore_case()
    {
        var campaign = Compile("""{ "field": "lifecycle.stage", "in": ["ATRISK"] }""");

        Assert.True(campaign.InAudience(CustomerViews.Subject(stage: LifecycleStage.AtRisk)));
    }

    private static CompiledCampaign Compile(string audience)
    {
        var compilation = CampaignCompiler.Compile("c1", CampaignDefinitions.With(audience));
        Assert.Empty(compilation.Errors);
        return compilation.Campaign!;
    }
}
