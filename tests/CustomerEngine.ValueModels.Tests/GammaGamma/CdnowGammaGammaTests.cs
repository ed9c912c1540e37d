using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.ValueModels.Tests.GammaGamma;

public sealed class CdnowGammaGammaTests(ITestOutputHelper output)
{
    [Fact]
    public void Fit_on_repeat_buyers_mean_repeat_values_reproduces_the_published_estimates()
    {
        var fit = GammaGammaFitter.Fit(CdnowSample.CalibrationSummaries());
        output.WriteLine($"p={fit.Parameters.P:F4} q={fit.Parameters.Q:F4} gamma={fit.Parameters.Gamma:F4} LL={fit.LogLikelihood:F3} evaluations={fit.Iterations}");

        Assert.True(fit.Converged, fit.Reason);
        Assert.Equal(946, fit.Customers);
        Assert.Equal(6.25, fit.Parameters.P, 0.01);
        Assert.Equal(3.74, fit.Parameters.Q, 0.01);
        Assert.Equal(15.44, fit.Parameters.Gamma, 0.02);
    }
}
