using CustomerEngine.Domain.Value;

namespace CustomerEngine.Domain.Tests.Value;

public sealed class LifetimeValueHistogramTests
{
    [Fact]
    public void Values_fall_in_bands_that_include_their_lower_edge_and_the_top_band_is_open()
    {
        var histogram = LifetimeValueHistogram.Of([0, 24.99, 25, 99, 100, 4_999, 5_000, 1_000_000]);

        var byFrom = histogram.Bands.ToDictionary(b => b.From, b => b.Customers);
        Assert.Equal(2, byFrom[0]);
        Assert.Equal(1, byFrom[25]);
        Assert.Equal(1, byFrom[50]);
        Assert.Equal(1, byFrom[100]);
        Assert.Equal(1, byFrom[2_500]);
        Assert.Equal(2, byFrom[5_000]);
        Assert.Null(histogram.Bands[^1].To);
        Assert.Equal(8, histogram.Scored);
    }

    [Fact]
    public void The_median_and_total_leave_out_values_that_are_not_lifetime_values()
    {
        var histogram = LifetimeValueHistogram.Of([10, 30, double.NaN, -5, double.PositiveInfinity, 50, 70]);

        Assert.Equal(4, histogram.Scored);
        Assert.Equal(40, histogram.Median);
        Assert.Equal(160, histogram.Total);
    }

    [Fact]
    public void An_empty_base_has_no_median()
    {
        var histogram = LifetimeValueHistogram.Of([]);

        Assert.Null(histogram.Median);
        Assert.All(histogram.Bands, b => Assert.Equal(0, b.Customers));
    }
}
