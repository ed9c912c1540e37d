using CustomerEngine.Grains.CrossSell;

namespace CustomerEngine.Host.Health;

/// <summary>
/// Marks the engine's own start-up work in <see cref="StartupReadiness"/>: the hosted services'
/// start (store migrations, grain runtime, action catalog and learned propensities, the current
/// value-model fit, reminders), which the host awaits one after the other, and the cross-sell
/// model's restore and catch-up with the log, which runs in the background.
/// </summary>
public sealed class StartupReadinessLifetime : IHostedLifecycleService
{
    /// <summary>The hosted services' start, done once every one of them has started.</summary>
    public const string ServicesStarted = "services started";

    /// <summary>The cross-sell model restored from its checkpoint and caught up with the log.</summary>
    public const string CrossSellModel = "cross-sell model";

    private readonly StartupReadiness _readiness;
    private readonly CrossSellModelLifetime? _crossSell;

    /// <summary>Declares the work at construction, before any service starts, so the engine is never ready too early.</summary>
    public StartupReadinessLifetime(StartupReadiness readiness, IServiceProvider services)
    {
        _readiness = readiness;
        _crossSell = services.GetService<CrossSellModelLifetime>();
        readiness.Expect(ServicesStarted);
        if (_crossSell is not null)
        {
            readiness.Expect(CrossSellModel);
        }
    }

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // Called after every hosted service's StartAsync has returned.
        _readiness.MarkDone(ServicesStarted);
        if (_crossSell is not null)
        {
            _readiness.Track(CrossSellModel, _crossSell.CaughtUp);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        _readiness.MarkStopping();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
