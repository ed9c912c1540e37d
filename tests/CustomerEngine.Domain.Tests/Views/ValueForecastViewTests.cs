using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Tests.Support;
using CustomerEngine.Domain.Value;
using CustomerEngine.Domain.Views;

namespace CustomerEngine.Domain.Tests.Views;

public sealed class ValueForecastViewTests
{
    private static readonly CustomerRules Rules = CustomerRules.Default;
    private static readonly DateTimeOffset Now = Time.At("2026-03-01T12:00Z");

    [Fact]
    public void Until_a_model_is_fitted_the_forecast_fields_are_null()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, Rules);

        var value = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules).Value;

        Assert.Equal((null, null, null, null), (value.PAlive, value.ExpectedTransactions, value.ExpectedSpend, value.Clv));
    }

    [Fact]
    public void With_a_model_the_view_shows_the_customers_forecast_as_of_now()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, Rules, CdnowModel.Model);
        var expected = CdnowModel.Model.Forecast(ValueModelInput.Of(state.Stats)!.Value, Now)!;

        var value = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules, CdnowModel.Model).Value;

        Assert.Equal(expected.ProbabilityAlive, value.PAlive);
        Assert.Equal(expected.ExpectedTransactions, value.ExpectedTransactions);
        Assert.Equal(expected.ExpectedSpend, value.ExpectedSpend);
        Assert.Equal(expected.LifetimeValue, value.Clv);
        Assert.InRange(value.PAlive!.Value, 0, 1);
    }

    [Fact]
    public void A_prospect_has_no_forecast_even_with_a_model()
    {
        var history = new History();
        var state = Fold.Apply(history.Registered("2026-01-10"));

        var value = CustomerViews.To360(state, Now, ValueDistribution.Empty, Rules, CdnowModel.Model).Value;

        Assert.Null(value.Clv);
        Assert.Null(value.PAlive);
    }

    [Fact]
    public void Once_tiers_rank_lifetime_value_the_views_tier_follows_the_customers_clv()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, Rules, CdnowModel.Model);
        var clv = CdnowModel.Model.Forecast(ValueModelInput.Of(state.Stats)!.Value, Now)!.LifetimeValue;
        var rfm = CustomerViews.RfmInputOf(state);
        var rfmBase = Enumerable.Range(1, 10).Select(i => new RfmInput(i, i, Now.AddDays(-i)));
        var higher = ValueDistribution.Compute(rfmBase, Now, new TierRules()).WithLifetimeValueTiers(Enumerable.Range(1, 10).Select(i => clv * (1 + i)), new TierRules());
        var lower = ValueDistribution.Compute(rfmBase, Now, new TierRules()).WithLifetimeValueTiers(Enumerable.Range(1, 10).Select(i => clv / (1 + i)), new TierRules());

        Assert.Equal(ValueTier.Low, CustomerViews.To360(state, Now, higher, Rules, CdnowModel.Model).Value.Tier);
        Assert.Equal(ValueTier.High, CustomerViews.To360(state, Now, lower, Rules, CdnowModel.Model).Value.Tier);
        Assert.Equal(ValueTier.High, CustomerViews.ToSummary(state, Now, lower, Rules, CdnowModel.Model).Tier);
        Assert.NotNull(rfm.LastPurchaseAt);
    }
}
