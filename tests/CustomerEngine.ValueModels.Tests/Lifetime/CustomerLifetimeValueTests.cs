using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Lifetime;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Tests.Lifetime;

public sealed class CustomerLifetimeValueTests
{
    private static readonly BgNbdParameters Transactions = new(0.243, 4.414, 0.793, 2.426);
    private static readonly GammaGammaParameters Spend = new(6.25, 3.74, 15.44);
    private static readonly RfmSummary Customer = new(2, 30.43, 38.86, 35);

    [Fact]
    public void Undiscounted_value_is_expected_transactions_over_52_weeks_times_expected_spend()
    {
        var expected = Transactions.ExpectedTransactions(52, 2, 30.43, 38.86) * Spend.ExpectedSpend(35, 2);

        Assert.Equal(expected, CustomerLifetimeValue.Of(Transactions, Spend, Customer), 10);
    }

    [Fact]
    public void Discounting_lowers_the_value_and_a_zero_rate_changes_nothing()
    {
        var undiscounted = CustomerLifetimeValue.Of(Transactions, Spend, Customer);
        var zeroRate = CustomerLifetimeValue.DiscountedTransactions(Transactions, Customer, 52, 0);
        var discounted = CustomerLifetimeValue.Of(Transactions, Spend, Customer, monthlyDiscountRate: 0.01);

        Assert.Equal(Transactions.ExpectedTransactions(52, 2, 30.43, 38.86), zeroRate, 12);
        Assert.True(discounted < undiscounted);
        // Every month is discounted by at most (1.01)^12, so the value cannot fall further than that.
        Assert.True(discounted > undiscounted / Math.Pow(1.01, 12));
    }

    [Fact]
    public void A_one_time_buyer_is_valued_at_the_population_mean_spend()
    {
        var oneTimer = new RfmSummary(0, 0, 38.86);

        var expected = Transactions.ExpectedTransactions(52, 0, 0, 38.86) * Spend.PopulationMeanSpend;

        Assert.Equal(expected, CustomerLifetimeValue.Of(Transactions, Spend, oneTimer), 10);
    }
}
