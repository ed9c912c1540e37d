using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Tests.BgNbd;

public sealed class DegenerateInputTests
{
    [Fact]
    public void A_base_where_nobody_repeats_reports_non_convergence_or_finite_values_never_nan()
    {
        var customers = Enumerable.Range(0, 500).Select(i => new RfmSummary(0, 0, 1 + (i % 52))).ToList();

        var fit = BgNbdFitter.Fit(customers);

        Assert.True(double.IsFinite(fit.LogLikelihood));
        Assert.All(new[] { fit.Parameters.R, fit.Parameters.Alpha, fit.Parameters.A, fit.Parameters.B }, value => Assert.True(double.IsFinite(value)));
        if (!fit.Converged)
        {
            Assert.False(string.IsNullOrWhiteSpace(fit.Reason));
        }

        // With x = 0 everywhere the likelihood only grows as r → 0 or alpha → ∞, so a trustworthy fit is impossible.
        Assert.False(fit.Converged);
    }

    [Fact]
    public void An_empty_base_reports_failure_with_a_reason()
    {
        var fit = BgNbdFitter.Fit([]);

        Assert.False(fit.Converged);
        Assert.NotNull(fit.Reason);
        Assert.Equal(0, fit.Customers);
    }

    [Fact]
    public void Spend_fit_without_repeat_buyers_reports_failure_with_a_reason()
    {
        var fit = GammaGammaFitter.Fit([new RfmSummary(0, 0, 10)]);

        Assert.False(fit.Converged);
        Assert.NotNull(fit.Reason);
    }

    [Fact]
    public void Customers_observed_for_zero_weeks_fit_without_nan()
    {
        var customers = Enumerable.Range(0, 200).Select(_ => new RfmSummary(0, 0, 0)).ToList();

        var fit = BgNbdFitter.Fit(customers);

        Assert.True(double.IsFinite(fit.LogLikelihood));
        Assert.False(fit.Converged);
    }

    [Fact]
    public void Impossible_histories_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdFitter.Fit([new RfmSummary(2, 10, 5)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BgNbdFitter.Fit([new RfmSummary(1, double.NaN, 5)]));
    }
}
