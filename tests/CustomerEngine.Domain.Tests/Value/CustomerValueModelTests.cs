using CustomerEngine.Domain.Tests.Support;
using CustomerEngine.Domain.Value;
using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Lifetime;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.Domain.Tests.Value;

public sealed class CustomerValueModelTests
{
    private static readonly ValueModelInput Regular = new(6, Time.At("2025-01-05T10:00Z"), Time.At("2025-06-01T10:00Z"), 250m);

    [Fact]
    public void Forecast_is_p_alive_expected_purchases_spend_and_their_product_from_the_models()
    {
        var now = Time.At("2025-09-01T08:00Z");
        var summary = Regular.SummaryAt(now);

        var forecast = CdnowModel.Model.Forecast(Regular, now)!;

        Assert.Equal(CdnowModel.Transactions.ProbabilityAlive(5, summary.Tx, summary.T), forecast.ProbabilityAlive);
        Assert.Equal(CdnowModel.Transactions.ExpectedTransactions(52, 5, summary.Tx, summary.T), forecast.ExpectedTransactions);
        Assert.Equal(CdnowModel.Spend.ExpectedSpend(50, 5), forecast.ExpectedSpend);
        Assert.Equal(CustomerLifetimeValue.Of(CdnowModel.Transactions, CdnowModel.Spend, summary), forecast.LifetimeValue, 9);
    }

    [Fact]
    public void A_one_time_buyer_is_alive_and_expected_to_spend_the_population_mean()
    {
        var once = new ValueModelInput(1, Time.At("2025-05-01T10:00Z"), Time.At("2025-05-01T10:00Z"), 0m);

        var forecast = CdnowModel.Model.Forecast(once, Time.At("2025-07-01"))!;

        Assert.Equal(1.0, forecast.ProbabilityAlive);
        Assert.Equal(CdnowModel.Spend.PopulationMeanSpend, forecast.ExpectedSpend);
        Assert.True(forecast.LifetimeValue > 0);
    }

    [Fact]
    public void A_monthly_discount_rate_lowers_lifetime_value()
    {
        var discounted = new CustomerValueModel(CdnowModel.Transactions, CdnowModel.Spend, 52, 0.01);
        var now = Time.At("2025-07-01");

        Assert.True(discounted.Forecast(Regular, now)!.LifetimeValue < CdnowModel.Model.Forecast(Regular, now)!.LifetimeValue);
    }

    [Fact]
    public void A_spend_model_with_an_infinite_mean_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new CustomerValueModel(CdnowModel.Transactions, new GammaGammaParameters(6, 0.9, 15)));
    }

    [Fact]
    public void The_fall_below_a_threshold_is_at_midnight_utc_of_the_first_day_below_it()
    {
        var crossing = CdnowModel.Model.FallsBelow(Regular, 0.5);

        Assert.Equal(CdnowModel.WalkToCrossing(Regular.FirstDay, Regular.LastDay, 5, 0.5), crossing);
        Assert.Equal(TimeSpan.Zero, crossing!.Value.TimeOfDay);
    }

    [Fact]
    public void The_fall_is_never_on_the_day_of_the_latest_purchase()
    {
        // Dropouts right after a purchase are likely under these parameters: P(alive) is below one half at once.
        var quitters = new CustomerValueModel(new BgNbdParameters(0.5, 4, 20, 1), CdnowModel.Spend);
        var input = new ValueModelInput(2, Time.At("2025-01-05T10:00Z"), Time.At("2025-01-19T15:00Z"), 10m);

        Assert.Equal(Time.At("2025-01-20"), quitters.FallsBelow(input, 0.5));
    }

    [Fact]
    public void A_customer_without_repeat_purchases_never_falls_below()
    {
        var once = new ValueModelInput(1, Time.At("2025-05-01T10:00Z"), Time.At("2025-05-01T12:00Z"), 0m);

        Assert.Null(CdnowModel.Model.FallsBelow(once, 0.5));
    }

    [Fact]
    public void Summary_is_measured_in_weeks_of_whole_utc_days()
    {
        Assert.Equal(new RfmSummary(5, 147 / 7.0, 150 / 7.0, 50.0), Regular.SummaryAt(Time.At("2025-06-04T23:59Z")));
    }
}
