namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>Settings of the value models and their fits, bound from the <c>ValueModels</c> configuration section.</summary>
public sealed class ValueModelOptions
{
    /// <summary>Whether fits run on a schedule; on-demand fits are always possible.</summary>
    public bool ScheduledFits { get; set; } = true;

    /// <summary>Time between scheduled fits.</summary>
    public TimeSpan FitInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Time of day (UTC) of the scheduled fit: nightly, when the engine is quiet.</summary>
    public TimeSpan FitTimeOfDay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>The CLV horizon in weeks (DOMAIN.md §3: 12 months).</summary>
    public double HorizonWeeks { get; set; } = 52;

    /// <summary>CLV discount rate per month; 0 for none.</summary>
    public double MonthlyDiscountRate { get; set; }

    /// <summary>Upper bound on log-likelihood evaluations of one model fit.</summary>
    public int MaximumEvaluations { get; set; } = 20_000;

    /// <summary>Events read from the log per page while collecting purchases.</summary>
    public int ScanPageSize { get; set; } = 5_000;

    /// <summary>How many finished fit runs are remembered for <c>GET /api/models/clv/fits/{id}</c>.</summary>
    public int RememberedRuns { get; set; } = 50;
}
