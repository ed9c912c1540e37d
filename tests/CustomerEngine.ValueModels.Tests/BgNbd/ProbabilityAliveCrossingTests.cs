using CustomerEngine.ValueModels.BgNbd;

namespace CustomerEngine.ValueModels.Tests.BgNbd;

public sealed class ProbabilityAliveCrossingTests
{
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Theory]
    [InlineData(1, 14, 0.5)]
    [InlineData(5, 70, 0.5)]
    [InlineData(9, 63, 0.2)]
    [InlineData(30, 200, 0.8)]
    public void The_crossing_is_the_first_day_on_which_p_alive_is_below_the_threshold(int x, int txDays, double threshold)
    {
        var day = ProbabilityAliveCrossing.FirstDayBelow(Cdnow, x, txDays, txDays + 1, threshold);

        Assert.NotNull(day);
        Assert.True(Cdnow.ProbabilityAlive(x, txDays / 7.0, day.Value / 7.0) < threshold);
        Assert.True(Cdnow.ProbabilityAlive(x, txDays / 7.0, (day.Value - 1) / 7.0) >= threshold);

        // Walking day by day from the start must find the same day.
        var walked = Enumerable.Range(txDays + 1, ProbabilityAliveCrossing.MaximumDays)
            .First(d => Cdnow.ProbabilityAlive(x, txDays / 7.0, d / 7.0) < threshold);
        Assert.Equal(walked, day);
    }

    [Fact]
    public void A_customer_without_repeat_transactions_never_crosses()
    {
        Assert.Null(ProbabilityAliveCrossing.FirstDayBelow(Cdnow, 0, 0, 1, 0.5));
    }

    [Fact]
    public void A_threshold_of_zero_turns_the_rule_off()
    {
        Assert.Null(ProbabilityAliveCrossing.FirstDayBelow(Cdnow, 5, 70, 71, 0));
    }

    [Fact]
    public void When_already_below_on_the_first_allowed_day_that_day_is_returned()
    {
        // a far above b makes a dropout right after each repeat likely, so P(alive) starts below one half.
        var quitters = new BgNbdParameters(0.5, 4, 20, 1);

        Assert.Equal(15, ProbabilityAliveCrossing.FirstDayBelow(quitters, 1, 14, 15, 0.5));
    }
}
