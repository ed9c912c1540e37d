using CustomerEngine.ValueModels.BgNbd;

namespace CustomerEngine.ValueModels.Tests.BgNbd;

public sealed class BgNbdClosedFormTests
{
    [Fact]
    public void Customer_without_repeats_is_certainly_alive_and_has_likelihood_alpha_over_alpha_plus_T_to_the_r()
    {
        var parameters = new BgNbdParameters(r: 0.5, alpha: 2, a: 0.8, b: 2.5);

        // With x = 0 the beta and gamma ratios are 1 and only the "still alive" term remains: (alpha / (alpha + T))^r.
        var expected = 0.5 * Math.Log(2.0 / (2.0 + 6.0));

        Assert.Equal(expected, parameters.LogLikelihood(0, 0, 6), 12);
        Assert.Equal(1.0, parameters.ProbabilityAlive(0, 0, 6));
    }

    [Fact]
    public void One_repeat_with_unit_parameters_has_likelihood_five_over_thirty_two_and_p_alive_one_fifth()
    {
        var parameters = new BgNbdParameters(r: 1, alpha: 1, a: 1, b: 1);

        // x = 1, t_x = 1, T = 3: Γ(2)/Γ(1) = 1 and alpha^r = 1; B(1,2)/B(1,1) = 1/2 and B(2,1)/B(1,1) = 1/2.
        // Alive: 1/2 · (1+3)^-2 = 1/32; dropped out after the repeat: 1/2 · (1+1)^-2 = 1/8; total 5/32.
        const double alive = 1.0 / 32;
        const double droppedOut = 1.0 / 8;

        Assert.Equal(Math.Log(alive + droppedOut), parameters.LogLikelihood(1, 1, 3), 12);
        Assert.Equal(alive / (alive + droppedOut), parameters.ProbabilityAlive(1, 1, 3), 12);
    }

    [Fact]
    public void Probability_alive_falls_the_longer_a_frequent_buyer_has_been_silent()
    {
        var parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

        var recent = parameters.ProbabilityAlive(5, 35, 38);
        var silent = parameters.ProbabilityAlive(5, 10, 38);

        Assert.InRange(recent, 0, 1);
        Assert.True(silent < recent);
    }

    [Fact]
    public void Expected_transactions_for_a_new_customer_match_the_unconditional_mean_of_equation_nine()
    {
        var parameters = new BgNbdParameters(r: 1, alpha: 1, a: 2, b: 3);
        const double t = 4;

        // Equation 9 at T = 0 is the same expression as equation 10 with x = t_x = T = 0; here 2F1(1, 3; 4; 0.8) is
        // summed by hand to check the wiring: Σ (1)_n (3)_n / ((4)_n n!) 0.8^n = Σ 3/(n+3) · 0.8^n.
        var hypergeometric = 0.0;
        for (var n = 0; n < 2000; n++)
        {
            hypergeometric += 3.0 / (n + 3) * Math.Pow(0.8, n);
        }

        var expected = (2.0 + 3 - 1) / (2 - 1) * (1 - Math.Pow(1.0 / (1 + t), 1) * hypergeometric);

        Assert.Equal(expected, parameters.ExpectedTransactions(t), 10);
        Assert.Equal(expected, parameters.ExpectedTransactions(t, 0, 0, 0), 10);
    }

    [Fact]
    public void Expected_transactions_grow_with_the_horizon_and_are_zero_at_zero()
    {
        var parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

        var horizons = new[] { 0.0, 1, 13, 39, 52, 104, 520 };
        var expectations = horizons.Select(t => parameters.ExpectedTransactions(t, 2, 30.43, 38.86)).ToArray();

        Assert.Equal(0, expectations[0]);
        Assert.All(expectations, value => Assert.True(double.IsFinite(value)));
        Assert.Equal(expectations.Order(), expectations);
    }

    [Fact]
    public void Expected_transactions_are_finite_when_a_is_exactly_one()
    {
        var atOne = new BgNbdParameters(0.5, 3, 1, 2).ExpectedTransactions(52, 3, 20, 30);
        var nearOne = new BgNbdParameters(0.5, 3, 1.001, 2).ExpectedTransactions(52, 3, 20, 30);

        Assert.True(double.IsFinite(atOne));
        Assert.Equal(nearOne, atOne, 2);
    }

    [Fact]
    public void Worked_example_of_the_paper_expects_1_226_transactions_in_the_next_39_weeks()
    {
        var parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

        Assert.Equal(1.226, parameters.ExpectedTransactions(39, 2, 30.43, 38.86), 3);
    }
}
