using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.Fitting;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Tests.BgNbd;

public sealed class FitCancellationTests
{
    [Fact]
    public void A_cancelled_fit_stops_with_operation_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        RfmSummary[] customers = [new(1, 2, 10), new(0, 0, 10), new(3, 8, 9)];

        Assert.ThrowsAny<OperationCanceledException>(() => BgNbdFitter.Fit(customers, cancellationToken: cancellation.Token));
    }

    [Fact]
    public void An_exhausted_evaluation_budget_reports_failure_with_finite_values()
    {
        RfmSummary[] customers = [new(1, 2, 10), new(0, 0, 10), new(3, 8, 9), new(5, 9, 12)];

        var fit = BgNbdFitter.Fit(customers, new FitOptions { MaximumEvaluations = 10 });

        Assert.False(fit.Converged);
        Assert.Contains("10 evaluations", fit.Reason);
        Assert.True(double.IsFinite(fit.LogLikelihood));
    }
}
