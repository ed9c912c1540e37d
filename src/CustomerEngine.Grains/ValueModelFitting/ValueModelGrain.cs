using CustomerEngine.Domain.Value;
using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Value;
using CustomerEngine.Storage.Notifications;
using CustomerEngine.ValueModels.BgNbd;
using CustomerEngine.ValueModels.GammaGamma;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>Holds the current fit in grain state, mirrors it into <see cref="ValueModelSnapshot"/>, and starts the scheduled fits.</summary>
public sealed class ValueModelGrain : Grain, IValueModelGrain
{
    private const string FitReminder = "value-model-fit";

    private readonly IPersistentState<ValueModelState> _state;
    private readonly ValueModelSnapshot _snapshot;
    private readonly ValueModelFitJob _job;
    private readonly ValueModelOptions _options;
    private readonly ILogger<ValueModelGrain> _logger;
    private readonly INodeNotifications _nodes;

    /// <summary>Created by the grain runtime.</summary>
    public ValueModelGrain(
        IGrainContext context,
        IPersistentStateFactory states,
        ValueModelSnapshot snapshot,
        ValueModelFitJob job,
        IOptions<ValueModelOptions> options,
        ILogger<ValueModelGrain> logger,
        INodeNotifications nodes)
    {
        _nodes = nodes;
        _state = states.Create<ValueModelState>(context, "value-model");
        _snapshot = snapshot;
        _job = job;
        _options = options.Value;
        _logger = logger;
    }

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        UseStoredFit();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task RefreshAsync()
    {
        await _state.ReadStateAsync();
        UseStoredFit();
    }

    private void UseStoredFit()
    {
        if (_state.State.Current is { } fit)
        {
            try
            {
                _snapshot.Current = ModelOf(fit);
            }
            catch (ArgumentException ex)
            {
                // Only fits that make a valid model are stored, but settings (horizon, discount) may have changed since.
                _logger.LogError(ex, "The stored value-model fit {FitId} cannot be used with the current settings; tiers fall back to RFM until the next fit", fit.Id);
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> ScheduleAsync()
    {
        if (_options.ScheduledFits)
        {
            await RegisterOrUpdateReminderAsync(FitReminder, UntilNextFit(Clock.GetUtcNow()), _options.FitInterval);
        }
        else
        {
            await UnregisterReminderAsync(FitReminder);
        }

        return _snapshot.Current is not null;
    }

    /// <inheritdoc />
    public Task ReceiveReminderAsync(string reminderName, DateTimeOffset dueAt)
    {
        if (reminderName == FitReminder && _options.ScheduledFits)
        {
            // Started, not awaited: the run publishes its result through this grain.
            if (!_job.TryStart(new FitRequest(Clock.GetUtcNow()), "schedule", out var running))
            {
                _logger.LogInformation("Scheduled value-model fit skipped: fit {FitId} is still running", running.Id);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ClvFit?> GetCurrentAsync() => Task.FromResult(_state.State.Current);

    /// <inheritdoc />
    public async Task PublishAsync(ClvFit fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var model = ModelOf(fit);
        _state.State.Current = fit;
        await _state.WriteStateAsync();
        _snapshot.Current = model;
        _nodes.Publish(ValueSnapshotRelay.Topic, ValueSnapshotRelay.Fitted);
    }

    private CustomerValueModel ModelOf(ClvFit fit) => new(
        new BgNbdParameters(fit.BgNbd.R, fit.BgNbd.Alpha, fit.BgNbd.A, fit.BgNbd.B),
        new GammaGammaParameters(fit.GammaGamma.P, fit.GammaGamma.Q, fit.GammaGamma.Gamma),
        _options.HorizonWeeks,
        _options.MonthlyDiscountRate);

    // Scheduled fits run at a fixed time of day, so a restart does not shift them.
    private TimeSpan UntilNextFit(DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + _options.FitTimeOfDay;
        var next = today > now ? today : today.AddDays(1);
        return next - now;
    }
}
