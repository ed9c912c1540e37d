using CustomerEngine.Campaigns.Caps;
using CustomerEngine.Campaigns.Results;

namespace CustomerEngine.Campaigns.Tests;

public sealed class ResultsTests
{
    [Fact]
    public void Uplift_is_the_difference_of_conversion_rates_with_a_wald_interval()
    {
        var treatment = new GroupCounts(1000, 1000, 400, 120, 80, 100);
        var holdout = new GroupCounts(100, 100, 100, 0, 0, 10);

        var uplift = UpliftEstimator.Estimate(treatment, holdout);
        var rates = UpliftEstimator.Rates(treatment, holdout);

        // 0.25 − 0.10 = 0.15; SE = √(0.25·0.75/400 + 0.1·0.9/100) = √(0.00046875 + 0.0009) ≈ 0.036997.
        Assert.Equal(0.25, rates.Treatment!.Value, 10);
        Assert.Equal(0.10, rates.Holdout!.Value, 10);
        Assert.Equal(0.15, uplift.Value!.Value, 10);
        Assert.Equal(0.15 - (1.959964 * 0.0369966), uplift.Low!.Value, 4);
        Assert.Equal(0.15 + (1.959964 * 0.0369966), uplift.High!.Value, 4);
    }

    [Fact]
    public void Uplift_is_unknown_until_both_groups_have_a_presentation()
    {
        var uplift = UpliftEstimator.Estimate(new GroupCounts(10, 10, 10, 0, 0, 2), GroupCounts.Zero);

        Assert.Equal(Uplift.Unknown, uplift);
        Assert.Null(UpliftEstimator.Rates(GroupCounts.Zero, GroupCounts.Zero).Treatment);
    }

    [Fact]
    public void Concurrent_reservations_never_overshoot_the_budget()
    {
        var budget = new PresentationBudget(1_000);
        var granted = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            if (budget.TryReserve())
            {
                if (i % 3 == 0)
                {
                    // Some offers lose arbitration and hand their slot back.
                    budget.Release();
                }
                else
                {
                    Interlocked.Increment(ref granted);
                }
            }
        });

        Assert.Equal(1_000, granted);
        Assert.Equal(1_000, budget.Used);
        Assert.False(budget.TryReserve());
    }

    [Fact]
    public void A_customer_cap_counts_presentations_within_its_rolling_window()
    {
        var now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var cap = new CustomerCap(2, TimeSpan.FromDays(30));

        Assert.True(cap.Allows([now.AddDays(-40), now.AddDays(-2)], now));
        Assert.False(cap.Allows([now.AddDays(-29), now.AddDays(-2)], now));
        Assert.True(CustomerCap.None.Allows([now, now, now], now));
    }

    [Fact]
    public void The_series_keeps_every_count_when_its_buckets_widen()
    {
        var series = new CampaignSeries(TimeSpan.FromSeconds(10));
        var start = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5_000; i++)
        {
            series.Add(start.AddSeconds(i), holdout: i % 10 == 0, i % 2 == 0 ? SeriesMetric.Presented : SeriesMetric.Conversion);
        }

        var points = series.Points();

        Assert.InRange(points.Count, 1, CampaignSeries.MaxBuckets);
        Assert.Equal(2_000, points.Sum(p => p.Treatment.Presented));
        Assert.Equal(500, points.Sum(p => p.Holdout.Presented));
        Assert.Equal(2_500, points.Sum(p => p.Treatment.Conversions + p.Holdout.Conversions));
        Assert.True(series.Bucket > TimeSpan.FromSeconds(10));
        Assert.Equal(points.Count, CampaignSeries.Restore(series.Snapshot(), TimeSpan.FromSeconds(10)).Points().Count);
    }

    [Fact]
    public void Presentations_other_nodes_report_spend_the_budget_here_too()
    {
        var budget = new PresentationBudget(10, used: 3);

        budget.SetElsewhere(6);
        Assert.True(budget.TryReserve());
        Assert.False(budget.TryReserve());
        Assert.Equal(10, budget.Used);

        // A later report replaces the earlier one; it is not added to it.
        budget.SetElsewhere(4);
        Assert.True(budget.HasRoom);
        Assert.Equal(8, budget.Used);
    }

    [Fact]
    public void A_series_absorbing_another_nodes_keeps_every_count_at_its_time()
    {
        var start = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var here = new CampaignSeries(TimeSpan.FromSeconds(10));
        var there = new CampaignSeries(TimeSpan.FromSeconds(10));
        here.Add(start, holdout: false, SeriesMetric.Presented);
        for (var i = 0; i < 4_000; i++)
        {
            // Long enough for the other node's buckets to have widened.
            there.Add(start.AddSeconds(i), holdout: i % 4 == 0, SeriesMetric.Presented);
        }

        here.Absorb(there.Snapshot());
        var points = here.Points();

        Assert.Equal(3_001, points.Sum(p => p.Treatment.Presented));
        Assert.Equal(1_000, points.Sum(p => p.Holdout.Presented));
        Assert.Equal(start, points[0].At);
        Assert.InRange(points.Count, 1, CampaignSeries.MaxBuckets);
    }
}
