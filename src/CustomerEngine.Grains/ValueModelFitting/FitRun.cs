namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>
/// One fit run's live state, updated by the run's thread and read by the API; every read is a consistent
/// <see cref="FitRunReport"/>. Kept in memory only: a restart forgets runs, never fits.
/// </summary>
public sealed class FitRun
{
    private readonly object _gate = new();
    private FitRunReport _report;

    /// <summary>Starts a run in <see cref="FitPhase.ReadingPurchases"/>.</summary>
    public FitRun(string id, string trigger, FitRequest request, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        _report = new FitRunReport(id, trigger, request.AsOf, request.CalibrationStart, FitRunStatus.Running, FitPhase.ReadingPurchases, 0, null, startedAt, null, null, null);
    }

    /// <summary>The run's id.</summary>
    public string Id => Report.Id;

    /// <summary>The run as it stands.</summary>
    public FitRunReport Report
    {
        get
        {
            lock (_gate)
            {
                return _report;
            }
        }
    }

    /// <summary>Moves to <paramref name="phase"/>; progress never goes backwards.</summary>
    public void Update(FitPhase phase, double progress, string? detail)
    {
        lock (_gate)
        {
            if (_report.Status != FitRunStatus.Running)
            {
                return;
            }

            var clamped = Math.Clamp(double.IsFinite(progress) ? progress : 0, 0, 1);
            _report = _report with { Phase = phase, Progress = Math.Max(_report.Progress, clamped), Detail = detail };
        }
    }

    /// <summary>Finishes the run with its fit.</summary>
    public void Succeed(ClvFit fit, DateTimeOffset finishedAt)
    {
        lock (_gate)
        {
            _report = _report with { Status = FitRunStatus.Succeeded, Phase = FitPhase.Done, Progress = 1, Detail = null, FinishedAt = finishedAt, Result = fit };
        }
    }

    /// <summary>Finishes the run without a fit.</summary>
    public void Fail(string error, DateTimeOffset finishedAt)
    {
        lock (_gate)
        {
            _report = _report with { Status = FitRunStatus.Failed, Phase = FitPhase.Done, Detail = null, FinishedAt = finishedAt, Error = error };
        }
    }
}
