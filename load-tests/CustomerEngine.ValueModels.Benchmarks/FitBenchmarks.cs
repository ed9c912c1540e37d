using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Purchases;

namespace CustomerEngine.ValueModels.Benchmarks;

/// <summary>
/// The work of a value-model fit after the purchases have been read from the log: summarising each customer's
/// history into (x, t_x, T, mean repeat value), fitting BG/NBD, and fitting Gamma-Gamma, from the default starts.
/// Target: under 10 s for 1,000,000 customers.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class FitBenchmarks
{
    private List<PurchaseHistory> _histories = [];
    private List<RfmSummary> _summaries = [];

    /// <summary>Customers in the base.</summary>
    [Params(100_000, 1_000_000)]
    public int Customers { get; set; }

    /// <summary>Draws the base once per size.</summary>
    [GlobalSetup]
    public void DrawBase()
    {
        _histories = SimulatedPurchases.Histories(Customers, seed: 20050101);
        _summaries = [.. CalibrationSummary.Of(_histories, SimulatedPurchases.AsOf).Values];
    }

    /// <summary>Purchase histories to per-customer summaries.</summary>
    [Benchmark]
    public int Summarise() => CalibrationSummary.Of(_histories, SimulatedPurchases.AsOf).Count;

    /// <summary>BG/NBD by maximum likelihood from r = alpha = a = b = 1.</summary>
    [Benchmark]
    public double FitBgNbd() => Converged(BgNbdFitter.Fit(_summaries)).LogLikelihood;

    /// <summary>Gamma-Gamma by maximum likelihood from p = q = gamma = 1.</summary>
    [Benchmark]
    public double FitGammaGamma() => GammaGammaFitter.Fit(_summaries) is { Converged: true } fit ? fit.LogLikelihood : throw new InvalidOperationException("Gamma-Gamma did not converge.");

    /// <summary>The whole fit as the engine's job runs it once the purchases are in memory.</summary>
    [Benchmark(Baseline = true)]
    public double SummariseAndFitBoth()
    {
        var summaries = CalibrationSummary.Of(_histories, SimulatedPurchases.AsOf).Values.ToList();
        var purchases = Converged(BgNbdFitter.Fit(summaries));
        var spend = GammaGammaFitter.Fit(summaries);
        return spend.Converged ? purchases.LogLikelihood + spend.LogLikelihood : throw new InvalidOperationException("Gamma-Gamma did not converge.");
    }

    private static BgNbdFit Converged(BgNbdFit fit) => fit.Converged ? fit : throw new InvalidOperationException("BG/NBD did not converge: " + fit.Reason);
}
