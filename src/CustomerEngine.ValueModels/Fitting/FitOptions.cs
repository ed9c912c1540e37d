namespace CustomerEngine.ValueModels.Fitting;

/// <summary>How a maximum-likelihood fit searches.</summary>
public sealed record FitOptions
{
    /// <summary>Default options: relative tolerance 1e-12, 20,000 likelihood evaluations, two restarts.</summary>
    public static FitOptions Default { get; } = new();

    /// <summary>Relative change of the log-likelihood across the simplex at which the search stops.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>Upper bound on log-likelihood evaluations over all restarts.</summary>
    public int MaximumEvaluations { get; init; } = 20_000;

    /// <summary>
    /// How many times the simplex is rebuilt around the best point; Nelder-Mead can stall on a collapsed
    /// simplex, and restarting is the standard remedy.
    /// </summary>
    public int Restarts { get; init; } = 2;

    /// <summary>Report progress every this many likelihood evaluations.</summary>
    public int ProgressInterval { get; init; } = 50;
}
