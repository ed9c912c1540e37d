using System.Diagnostics;
using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.Fitting;
using CustomerEngine.ValueModels.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.ValueModels.Tests.BgNbd;

public sealed class CdnowPublishedEstimatesTests(ITestOutputHelper output)
{
    [Fact]
    public void Calibration_period_has_the_papers_2357_customers_of_whom_946_repeat()
    {
        var summaries = CdnowSample.CalibrationSummaries();

        Assert.Equal(2357, summaries.Count);
        Assert.Equal(946, summaries.Count(summary => summary.X > 0));
    }

    [Fact]
    public void Fit_from_default_start_reproduces_the_published_bg_nbd_estimates()
    {
        var summaries = CdnowSample.CalibrationSummaries();
        var reports = new List<FitProgress>();

        var stopwatch = Stopwatch.StartNew();
        var fit = BgNbdFitter.Fit(summaries, progress: new SynchronousProgress<FitProgress>(reports.Add));
        stopwatch.Stop();
        output.WriteLine($"r={fit.Parameters.R:F4} alpha={fit.Parameters.Alpha:F4} a={fit.Parameters.A:F4} b={fit.Parameters.B:F4} LL={fit.LogLikelihood:F3} evaluations={fit.Iterations} time={stopwatch.ElapsedMilliseconds} ms");

        Assert.True(fit.Converged, fit.Reason);
        Assert.Null(fit.Reason);
        Assert.Equal(2357, fit.Customers);
        Assert.Equal(0.243, fit.Parameters.R, 0.001);
        Assert.Equal(4.414, fit.Parameters.Alpha, 0.002);
        Assert.Equal(0.793, fit.Parameters.A, 0.001);
        Assert.Equal(2.426, fit.Parameters.B, 0.002);
        Assert.Equal(-9582.4, fit.LogLikelihood, 0.1);
        Assert.NotEmpty(reports);
        Assert.Equal(fit.LogLikelihood, reports[^1].LogLikelihood);
    }
}
