using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CustomerEngine.Grains.Maintenance;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.Fitting;
using CustomerEngine.ValueModels.GammaGamma;
using CustomerEngine.ValueModels.Purchases;
using CustomerEngine.ValueModels.Validation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>
/// Fits the value models in the background, one run at a time: reads every purchase up to the as-of date from the
/// event log, fits BG/NBD and Gamma-Gamma from their default starts, and on success makes the fit current and
/// re-ranks the base. A run that does not converge fails and leaves the previous fit in place.
/// </summary>
public sealed class ValueModelFitJob(
    PurchaseHistoryReader purchases,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<ValueModelOptions> options,
    ILogger<ValueModelFitJob> logger) : IHostedService
{
    // Progress while fitting is a guess, since a search's length is not known beforehand: reading takes the first
    // half, and each fit approaches its share as its evaluations grow past the typical few hundred.
    private const double ReadShare = 0.5;
    private const double PurchaseFitShare = 0.35;
    private const double SpendFitShare = 0.1;
    private const double TypicalEvaluations = 400;
    private const int LogEveryEvaluations = 500;

    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, FitRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _finished = new();
    // Never disposed (it holds no wait handle or timer), so a second StopAsync after the host has
    // disposed its services, as the test host of a minimal-API app runs one, still cancels cleanly.
    private readonly CancellationTokenSource _stopping = new();
    private FitRun? _running;
    private Task _runTask = Task.CompletedTask;
    private int _sequence;

    /// <summary>
    /// Starts a fit unless one is already running.
    /// </summary>
    /// <param name="request">What to fit on.</param>
    /// <param name="trigger"><c>schedule</c> or <c>request</c>.</param>
    /// <param name="run">The new run, or the one already running.</param>
    /// <returns>True when a new run started.</returns>
    public bool TryStart(FitRequest request, string trigger, out FitRun run)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_gate)
        {
            if (_running is { } busy)
            {
                run = busy;
                return false;
            }

            var startedAt = clock.GetUtcNow();
            var id = string.Create(CultureInfo.InvariantCulture, $"fit-{startedAt:yyyyMMddHHmmss}-{Interlocked.Increment(ref _sequence)}");
            run = new FitRun(id, trigger, request, startedAt);
            _runs[id] = run;
            _running = run;
            var started = run;
            _runTask = Task.Run(() => RunAsync(started, request, _stopping.Token));
            return true;
        }
    }

    /// <summary>A run started since the engine started, or null.</summary>
    public FitRun? Find(string id) => _runs.TryGetValue(id, out var run) ? run : null;

    /// <summary>
    /// Fits BG/NBD on the purchases through <paramref name="calibrationEnd"/> and compares its predictions with the
    /// purchase days each customer actually had up to <paramref name="holdoutEnd"/>. The current fit is not touched.
    /// </summary>
    /// <exception cref="FitFailedException">The calibration fit did not converge.</exception>
    public async Task<HoldoutValidationResult> ValidateAsync(DateTimeOffset calibrationEnd, DateTimeOffset holdoutEnd, CancellationToken cancellationToken)
    {
        var histories = await purchases.ReadAsync(null, DateOnly.FromDateTime(holdoutEnd.UtcDateTime), null, cancellationToken);
        var summaries = CalibrationSummary.Of(histories.Customers, calibrationEnd).Values.ToList();
        var fit = await Task.Run(() => BgNbdFitter.Fit(summaries, SearchOptions(), cancellationToken: cancellationToken), cancellationToken);
        if (!fit.Converged || !double.IsFinite(fit.LogLikelihood))
        {
            throw new FitFailedException("BG/NBD did not converge on the calibration period: " + (fit.Reason ?? "the log-likelihood is not finite."));
        }

        var report = HoldoutValidation.Run(histories.Customers, fit.Parameters, calibrationEnd, holdoutEnd);
        return new HoldoutValidationResult(calibrationEnd, holdoutEnd, Estimate(fit), report);
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task running;
        lock (_gate)
        {
            running = _runTask;
        }

        await running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RunAsync(FitRun run, FitRequest request, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var id = run.Id;
        // Recorded before the run reports its end, so whoever saw the run end also sees it counted.
        void Record(string outcome) => ValueModelTelemetry.RecordFit(stopwatch.Elapsed, run.Report.Trigger, outcome);

        try
        {
            logger.LogInformation(
                "Value-model fit {FitId} started ({Trigger}): purchases from {CalibrationStart} through {AsOf:yyyy-MM-dd}",
                id,
                run.Report.Trigger,
                request.CalibrationStart is { } start ? start.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "the beginning",
                request.AsOf.UtcDateTime);
            var through = DateOnly.FromDateTime(request.AsOf.UtcDateTime);
            DateOnly? from = request.CalibrationStart is { } calibrationStart ? DateOnly.FromDateTime(calibrationStart.UtcDateTime) : null;
            var histories = await purchases.ReadAsync(
                from,
                through,
                share => run.Update(FitPhase.ReadingPurchases, ReadShare * share, "reading purchases from the event log"),
                cancellationToken);
            var summaries = CalibrationSummary.Of(histories.Customers, request.AsOf).Values.ToList();
            logger.LogInformation(
                "Value-model fit {FitId}: {Customers} customers ({Repeat} with repeat purchases, {Anonymous} anonymous visitors left out)",
                id,
                summaries.Count,
                summaries.Count(s => s.X > 0),
                histories.ExcludedAnonymousVisitors);

            var bgNbd = BgNbdFitter.Fit(
                summaries,
                SearchOptions(),
                Progress(run, id, "BG/NBD", FitPhase.FittingPurchases, ReadShare, PurchaseFitShare),
                cancellationToken: cancellationToken);
            if (!bgNbd.Converged || !double.IsFinite(bgNbd.LogLikelihood))
            {
                throw new FitFailedException("BG/NBD did not converge: " + (bgNbd.Reason ?? "the log-likelihood is not finite."));
            }

            var gammaGamma = GammaGammaFitter.Fit(
                summaries,
                SearchOptions(),
                Progress(run, id, "Gamma-Gamma", FitPhase.FittingSpend, ReadShare + PurchaseFitShare, SpendFitShare),
                cancellationToken: cancellationToken);
            if (!gammaGamma.Converged || !double.IsFinite(gammaGamma.LogLikelihood))
            {
                throw new FitFailedException("Gamma-Gamma did not converge: " + (gammaGamma.Reason ?? "the log-likelihood is not finite."));
            }

            if (!(gammaGamma.Parameters.Q > 1))
            {
                throw new FitFailedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Gamma-Gamma q = {gammaGamma.Parameters.Q:G4} is not above 1, so the expected spend of a customer without repeat purchases would be infinite."));
            }

            run.Update(FitPhase.Saving, ReadShare + PurchaseFitShare + SpendFitShare, "storing the fit and re-ranking the customer base");
            stopwatch.Stop();
            var fit = new ClvFit(
                id,
                request.AsOf,
                request.CalibrationStart,
                run.Report.StartedAt,
                clock.GetUtcNow(),
                stopwatch.Elapsed.TotalSeconds,
                histories.ExcludedAnonymousVisitors,
                Estimate(bgNbd),
                new GammaGammaEstimate(gammaGamma.Parameters.P, gammaGamma.Parameters.Q, gammaGamma.Parameters.Gamma, gammaGamma.LogLikelihood, gammaGamma.Customers, gammaGamma.Iterations));
            await grains.GetGrain<IValueModelGrain>(IValueModelGrain.Key).PublishAsync(fit);

            // Tiers follow lifetime value from now on; ranked before the run reports success, so a client
            // that saw it succeed sees the new tiers. A failed ranking does not undo the fit.
            await RankAsync(id);
            Record("succeeded");
            run.Succeed(fit, fit.FinishedAt);
            logger.LogInformation(
                "Value-model fit {FitId} succeeded in {Seconds:F2} s: r={R:G4} alpha={Alpha:G4} a={A:G4} b={B:G4} LL={LogLikelihood:F1}; p={P:G4} q={Q:G4} gamma={Gamma:G4}",
                id,
                fit.DurationSeconds,
                fit.BgNbd.R,
                fit.BgNbd.Alpha,
                fit.BgNbd.A,
                fit.BgNbd.B,
                fit.BgNbd.LogLikelihood,
                fit.GammaGamma.P,
                fit.GammaGamma.Q,
                fit.GammaGamma.Gamma);

        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record("stopped");
            run.Fail("The engine stopped during the fit; the previous fit stays current.", clock.GetUtcNow());
            logger.LogWarning("Value-model fit {FitId} stopped with the engine", id);
        }
        catch (Exception ex)
        {
            Record("failed");
            run.Fail(ex.Message + " The previous fit stays current.", clock.GetUtcNow());
            logger.LogWarning(ex, "Value-model fit {FitId} failed; the previous fit stays current", id);
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }

            Forget(id);
        }
    }

    private async Task RankAsync(string id)
    {
        try
        {
            await grains.GetGrain<IEngineMaintenanceGrain>(IEngineMaintenanceGrain.Key).RankValueAsync();
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Ranking the base after value-model fit {FitId} failed; the periodic ranking will retry", id);
        }
    }

    private RunProgress Progress(FitRun run, string id, string model, FitPhase phase, double from, double share) =>
        new(progress =>
        {
            var done = 1 - Math.Exp(-progress.Iteration / TypicalEvaluations);
            var detail = string.Create(CultureInfo.InvariantCulture, $"{model}: {progress.Iteration} evaluations, log-likelihood {progress.LogLikelihood:F2}");
            run.Update(phase, from + (share * done), detail);
            if (progress.Iteration % LogEveryEvaluations == 0)
            {
                logger.LogInformation("Value-model fit {FitId}: {Detail}", id, detail);
            }
        });

    private FitOptions SearchOptions() => FitOptions.Default with { MaximumEvaluations = Math.Max(1, options.Value.MaximumEvaluations) };

    private static BgNbdEstimate Estimate(BgNbdFit fit) =>
        new(fit.Parameters.R, fit.Parameters.Alpha, fit.Parameters.A, fit.Parameters.B, fit.LogLikelihood, fit.Customers, fit.Iterations);

    // Keeps the latest runs for the API; older finished ones are dropped so memory stays bounded.
    private void Forget(string finishedId)
    {
        _finished.Enqueue(finishedId);
        while (_finished.Count > Math.Max(1, options.Value.RememberedRuns) && _finished.TryDequeue(out var oldest))
        {
            _runs.TryRemove(oldest, out _);
        }
    }
}
