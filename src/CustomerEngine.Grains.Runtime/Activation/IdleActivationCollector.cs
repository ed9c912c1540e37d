using CustomerEngine.Grains.Runtime.Telemetry;

namespace CustomerEngine.Grains.Runtime.Activation;

/// <summary>Every <see cref="GrainRuntimeOptions.CollectionQuantum"/>, deactivates activations unused for <see cref="GrainRuntimeOptions.CollectionAge"/>.</summary>
internal sealed class IdleActivationCollector(GrainRuntime runtime)
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start() => _loop = RunAsync();

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(runtime.Options.CollectionQuantum, runtime.Clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    var collected = await CollectAsync().ConfigureAwait(false);
                    if (collected != 0)
                    {
                        GrainRuntimeLog.IdleActivationsCollected(runtime.Logger, collected);
                    }
                }
                catch (Exception exception)
                {
                    GrainRuntimeLog.IdleCollectionFailed(runtime.Logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>One collection pass; returns how many activations were deactivated.</summary>
    public async Task<int> CollectAsync()
    {
        var now = runtime.Clock.GetUtcNow().UtcTicks;
        var age = runtime.Options.CollectionAge.Ticks;
        List<Task>? deactivations = null;
        foreach (var grainType in runtime.GrainTypes)
        {
            foreach (var activation in grainType.Activations)
            {
                if (activation.TryBeginIdleCollection(now, age))
                {
                    (deactivations ??= []).Add(activation.DeactivateHoldingTurnAsync(DeactivationReason.IdleCollected, CancellationToken.None));
                }
            }
        }

        if (deactivations is null)
        {
            return 0;
        }

        await Task.WhenAll(deactivations).ConfigureAwait(false);
        return deactivations.Count;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }
}
