using System.Globalization;
using CustomerEngine.Campaigns.Holdout;

namespace CustomerEngine.Campaigns.Tests;

public sealed class HoldoutAssignmentTests
{
    private static readonly string[] Customers = [.. Enumerable.Range(0, 5_000).Select(i => "customer-" + i.ToString(CultureInfo.InvariantCulture))];

    [Fact]
    public void A_ten_percent_holdout_over_5000_customers_lands_within_four_standard_deviations()
    {
        var held = Customers.Count(c => HoldoutAssignment.IsHoldout("cmp-tents", c, 10));

        // Binomial(5000, 0.1): mean 500, standard deviation √(5000 · 0.1 · 0.9) ≈ 21.2.
        Assert.InRange(held, 500 - 85, 500 + 85);
    }

    [Fact]
    public void Positions_are_uniform_across_the_range()
    {
        var perDecile = new int[10];
        foreach (var customer in Customers)
        {
            perDecile[(int)(HoldoutAssignment.Position("cmp-tents", customer) / 10)]++;
        }

        // Chi-square with 9 degrees of freedom; 27.9 is its 0.999 quantile.
        var chiSquare = perDecile.Sum(observed => Math.Pow(observed - 500, 2) / 500);
        Assert.True(chiSquare < 27.9, $"chi-square {chiSquare:F1} over deciles {string.Join(", ", perDecile)}");
    }

    [Fact]
    public void A_customers_group_never_flips_between_evaluations()
    {
        var first = Customers.Select(c => HoldoutAssignment.IsHoldout("cmp-tents", c, 10)).ToArray();

        var again = Customers.Reverse().Select(c => HoldoutAssignment.IsHoldout("cmp-tents", c, 10)).Reverse().ToArray();

        Assert.Equal(first, again);
    }

    [Fact]
    public void Campaigns_split_the_base_independently()
    {
        var inFirst = Customers.Where(c => HoldoutAssignment.IsHoldout("cmp-a", c, 10)).ToHashSet();

        var inBoth = Customers.Count(c => inFirst.Contains(c) && HoldoutAssignment.IsHoldout("cmp-b", c, 10));

        // Independent 10% groups share about 1% of the base (50 of 5000), not the same 10%.
        Assert.InRange(inBoth, 20, 90);
    }

    [Fact]
    public void Positions_lie_in_zero_to_one_hundred()
    {
        Assert.All(Customers.Take(500), c => Assert.InRange(HoldoutAssignment.Position("x", c), 0, 99.999999));
        Assert.False(HoldoutAssignment.IsHoldout("x", "anyone", 0));
    }
}
