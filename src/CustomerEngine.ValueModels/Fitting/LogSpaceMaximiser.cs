using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerEngine.ValueModels.Fitting;

/// <summary>
/// Maximises a log-likelihood over strictly positive parameters by running Nelder-Mead on their logarithms,
/// which keeps every trial point valid without constraints.
/// </summary>
internal static class LogSpaceMaximiser
{
    // Beyond e^±25 a parameter is numerically at 0 or infinity; the search is fenced there so it cannot overflow.
    private const double LogFence = 25;

    // A fitted parameter past e^±18 means the likelihood kept improving towards a boundary: the data do not identify it.
    private const double LogBoundary = 18;

    // Stands in for an invalid point; finite so the simplex arithmetic stays finite.
    private const double Rejected = 1e300;

    public static LogSpaceMaximisation Maximise(
        Func<double[], double> logLikelihood,
        double[] start,
        string[] names,
        FitOptions options,
        IProgress<FitProgress>? progress,
        CancellationToken cancellationToken)
    {
        var evaluations = 0;
        var bestLogPoint = start.Select(value => Math.Log(value)).ToArray();
        var best = double.NegativeInfinity;

        double NegativeLogLikelihood(Vector<double> logPoint)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluations++;
            if (evaluations > options.MaximumEvaluations)
            {
                throw new MaximumIterationsException("Evaluation budget exhausted.");
            }

            for (var i = 0; i < logPoint.Count; i++)
            {
                if (!double.IsFinite(logPoint[i]) || Math.Abs(logPoint[i]) > LogFence)
                {
                    return Rejected;
                }
            }

            var value = logLikelihood(logPoint.Select(Math.Exp).ToArray());
            if (!double.IsFinite(value))
            {
                return Rejected;
            }

            if (value > best)
            {
                best = value;
                bestLogPoint = logPoint.ToArray();
            }

            if (progress is not null && evaluations % Math.Max(1, options.ProgressInterval) == 0)
            {
                progress.Report(new FitProgress(evaluations, best));
            }

            return -value;
        }

        var objective = ObjectiveFunction.Value(NegativeLogLikelihood);
        string? reason = null;
        var previousBest = double.NegativeInfinity;
        for (var round = 0; round <= options.Restarts; round++)
        {
            var simplex = new NelderMeadSimplex(options.Tolerance, int.MaxValue);
            var perturbation = Vector<double>.Build.Dense(start.Length, round == 0 ? 0.5 : 0.1);
            try
            {
                simplex.FindMinimum(objective, Vector<double>.Build.DenseOfArray(bestLogPoint), perturbation);
            }
            catch (MaximumIterationsException)
            {
                reason = $"The likelihood did not settle within {options.MaximumEvaluations} evaluations.";
                break;
            }

            var improvement = best - previousBest;
            previousBest = best;
            if (round > 0 && Math.Abs(improvement) <= options.Tolerance * Math.Max(1, Math.Abs(best)))
            {
                break;
            }
        }

        if (!double.IsFinite(best))
        {
            return new LogSpaceMaximisation(start, double.NegativeInfinity, false, evaluations, "The likelihood is not finite anywhere the search looked.");
        }

        var parameters = bestLogPoint.Select(Math.Exp).ToArray();
        if (reason is null)
        {
            var boundary = Enumerable.Range(0, parameters.Length).Where(i => Math.Abs(bestLogPoint[i]) > LogBoundary).ToList();
            if (boundary.Count > 0)
            {
                reason = "The likelihood keeps improving as " + string.Join(", ", boundary.Select(i => names[i]))
                    + " runs to 0 or infinity; the data do not identify the model.";
            }
        }

        progress?.Report(new FitProgress(evaluations, best));
        return new LogSpaceMaximisation(parameters, best, reason is null, evaluations, reason);
    }
}
