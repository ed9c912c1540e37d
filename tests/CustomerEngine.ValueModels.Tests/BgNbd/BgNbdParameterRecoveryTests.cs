using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.ValueModels.Tests.BgNbd;

public sealed class BgNbdParameterRecoveryTests(ITestOutputHelper output)
{
    private static readonly BgNbdParameters Truth = new(r: 0.5, alpha: 5, a: 0.8, b: 2.5);

    [Fact]
    public void Fit_recovers_the_parameters_of_ten_thousand_simulated_customers()
    {
        var customers = BgNbdSimulation.Customers(Truth, 10_000, new Random(20050101), minimumT: 26, maximumT: 78);

        var fit = BgNbdFitter.Fit(customers);
        output.WriteLine($"r={fit.Parameters.R:F4} alpha={fit.Parameters.Alpha:F4} a={fit.Parameters.A:F4} b={fit.Parameters.B:F4} LL={fit.LogLikelihood:F2}");

        Assert.True(fit.Converged, fit.Reason);
        Assert.Equal(Truth.R, fit.Parameters.R, Truth.R * 0.1);
        Assert.Equal(Truth.Alpha, fit.Parameters.Alpha, Truth.Alpha * 0.15);
        Assert.Equal(Truth.A, fit.Parameters.A, Truth.A * 0.25);
        Assert.Equal(Truth.B, fit.Parameters.B, Truth.B * 0.3);

        // The maximum-likelihood estimate can never be less likely than the truth.
        var likelihoodOfTruth = customers.Sum(customer => Truth.LogLikelihood(customer.X, customer.Tx, customer.T));
        Assert.True(fit.LogLikelihood >= likelihoodOfTruth);
    }

    [Fact]
    public void Fitting_cells_gives_the_same_log_likelihood_as_summing_customers_one_by_one()
    {
        var customers = BgNbdSimulation.Customers(Truth, 5_000, new Random(7), minimumT: 26, maximumT: 52, roundToDays: true);

        var fit = BgNbdFitter.Fit(customers);
        var summedIndividually = customers.Sum(customer => fit.Parameters.LogLikelihood(customer.X, customer.Tx, customer.T));

        Assert.True(fit.Converged, fit.Reason);
        Assert.Equal(summedIndividually, fit.LogLikelihood, 6);
    }

    // Speed is a benchmark's business (docs/performance.md); this checks that a base of a
    // million customers, summarised into cells, fits to a converged result over all of them.
    [Fact]
    public void A_million_day_resolution_customers_fit_to_a_converged_result()
    {
        var customers = BgNbdSimulation.Customers(Truth, 1_000_000, new Random(11), minimumT: 1, maximumT: 52, roundToDays: true);

        var fit = BgNbdFitter.Fit(customers);
        output.WriteLine($"{fit.Iterations} evaluations, r={fit.Parameters.R:F4} alpha={fit.Parameters.Alpha:F4} a={fit.Parameters.A:F4} b={fit.Parameters.B:F4}");

        Assert.True(fit.Converged, fit.Reason);
        Assert.Equal(1_000_000, fit.Customers);
    }
}
