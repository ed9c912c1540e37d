using CustomerEngine.ValueModels.Fitting;
using CustomerEngine.ValueModels.Purchases;
using MathNet.Numerics;

namespace CustomerEngine.ValueModels.GammaGamma;

/// <summary>Fits the Gamma-Gamma spend model by maximum likelihood on customers with repeat transactions.</summary>
public static class GammaGammaFitter
{
    /// <summary>Where the search starts unless told otherwise: p = q = gamma = 1.</summary>
    public static GammaGammaParameters DefaultStart { get; } = new(1, 1, 1);

    /// <summary>
    /// Fits p, q and gamma to the mean repeat-transaction values. Customers without repeat transactions or without a
    /// positive mean carry no spend information and are left out.
    /// </summary>
    /// <param name="customers">The calibration summaries.</param>
    /// <param name="options">Search settings; <see cref="FitOptions.Default"/> when null.</param>
    /// <param name="progress">Receives the evaluation count and best log-likelihood as the search runs.</param>
    /// <param name="start">Starting parameters; <see cref="DefaultStart"/> when null.</param>
    /// <param name="cancellationToken">Stops the search.</param>
    /// <returns>The fit, with <see cref="GammaGammaFit.Converged"/> false and a reason when it cannot be trusted.</returns>
    public static GammaGammaFit Fit(
        IEnumerable<RfmSummary> customers,
        FitOptions? options = null,
        IProgress<FitProgress>? progress = null,
        GammaGammaParameters? start = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customers);
        options ??= FitOptions.Default;
        start ??= DefaultStart;

        var observations = customers
            .Where(customer => customer.X > 0 && customer.MeanRepeatValue is > 0 && double.IsFinite(customer.MeanRepeatValue.Value))
            .Select(customer => (customer.X, Mean: customer.MeanRepeatValue!.Value))
            .ToList();
        if (observations.Count == 0)
        {
            return new GammaGammaFit(start, 0, 0, false, 0, "No customer has a repeat transaction with a positive value.");
        }

        // The terms (px − 1)·ln m and px·ln x are linear in p, so their sums over customers are computed once;
        // only ln(gamma + x·m) has to be evaluated per customer at each step.
        var sumXLogMean = observations.Sum(o => o.X * Math.Log(o.Mean));
        var sumLogMean = observations.Sum(o => Math.Log(o.Mean));
        var sumXLogX = observations.Sum(o => o.X * Math.Log(o.X));
        var customersByX = observations.GroupBy(o => o.X).Select(group => (X: group.Key, Customers: group.Count())).ToArray();
        var xs = observations.Select(o => (double)o.X).ToArray();
        var spends = observations.Select(o => o.X * o.Mean).ToArray();

        double LogLikelihood(double[] point)
        {
            var (p, q, gamma) = (point[0], point[1], point[2]);
            var total = p * sumXLogX + p * sumXLogMean - sumLogMean;
            var perCustomer = q * Math.Log(gamma) - SpecialFunctions.GammaLn(q);
            total += observations.Count * perCustomer;
            foreach (var (x, count) in customersByX)
            {
                total += count * (SpecialFunctions.GammaLn(p * x + q) - SpecialFunctions.GammaLn(p * x));
            }

            for (var i = 0; i < xs.Length; i++)
            {
                total -= (p * xs[i] + q) * Math.Log(gamma + spends[i]);
            }

            return total;
        }

        var outcome = LogSpaceMaximiser.Maximise(
            LogLikelihood,
            [start.P, start.Q, start.Gamma],
            ["p", "q", "gamma"],
            options,
            progress,
            cancellationToken);
        var fitted = new GammaGammaParameters(outcome.Parameters[0], outcome.Parameters[1], outcome.Parameters[2]);
        return new GammaGammaFit(fitted, outcome.LogLikelihood, observations.Count, outcome.Converged, outcome.Evaluations, outcome.Reason);
    }
}
