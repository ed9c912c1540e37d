using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Tests.Purchases;

public sealed class CalibrationSummaryTests
{
    private static readonly DateTimeOffset AsOf = new(1997, 9, 30, 0, 0, 0, TimeSpan.Zero);

    private static Purchase At(int month, int day, decimal amount, int hour = 12) =>
        new(new DateTimeOffset(1997, month, day, hour, 0, 0, TimeSpan.Zero), amount);

    [Fact]
    public void A_single_purchase_is_no_repeat_with_T_counted_in_whole_days_over_seven()
    {
        var summary = CalibrationSummary.Of([At(1, 1, 10m)], AsOf);

        Assert.NotNull(summary);
        Assert.Equal(0, summary.X);
        Assert.Equal(0, summary.Tx);
        Assert.Equal(272 / 7.0, summary.T, 12);
        Assert.Null(summary.MeanRepeatValue);
    }

    [Fact]
    public void Many_purchases_on_one_day_are_one_transaction()
    {
        var summary = CalibrationSummary.Of([At(1, 1, 10m, 9), At(1, 1, 5m, 13), At(1, 1, 1m, 23)], AsOf);

        Assert.NotNull(summary);
        Assert.Equal(0, summary.X);
    }

    [Fact]
    public void Same_day_repeat_purchases_are_summed_and_the_first_day_is_left_out_of_the_mean()
    {
        var purchases = new[] { At(1, 1, 100m), At(1, 15, 10m, 8), At(1, 15, 20m, 20), At(2, 12, 60m) };

        var summary = CalibrationSummary.Of(purchases.Reverse(), AsOf);

        Assert.NotNull(summary);
        Assert.Equal(2, summary.X);
        Assert.Equal(42 / 7.0, summary.Tx, 12);
        Assert.Equal(45.0, summary.MeanRepeatValue);
    }

    [Fact]
    public void Days_are_calendar_days_in_utc_whatever_the_offset()
    {
        // 23:30 at UTC-5 on 14 January is 04:30 UTC on 15 January, the same UTC day as the second purchase.
        var purchases = new[]
        {
            At(1, 1, 10m),
            new Purchase(new DateTimeOffset(1997, 1, 14, 23, 30, 0, TimeSpan.FromHours(-5)), 5m),
            At(1, 15, 5m),
        };

        var summary = CalibrationSummary.Of(purchases, AsOf);

        Assert.NotNull(summary);
        Assert.Equal(1, summary.X);
        Assert.Equal(10.0, summary.MeanRepeatValue);
    }

    [Fact]
    public void Purchases_after_the_as_of_day_are_ignored_and_the_whole_as_of_day_counts()
    {
        var summary = CalibrationSummary.Of([At(1, 1, 10m), At(9, 30, 7m, 23), At(10, 1, 99m, 0)], AsOf);

        Assert.NotNull(summary);
        Assert.Equal(1, summary.X);
        Assert.Equal(summary.T, summary.Tx);
        Assert.Equal(7.0, summary.MeanRepeatValue);
    }

    [Fact]
    public void A_customer_who_first_bought_after_the_as_of_day_has_no_summary()
    {
        Assert.Null(CalibrationSummary.Of([At(10, 2, 10m)], AsOf));
    }
}
