namespace CustomerEngine.Grains.Runtime.Tests.Grains;

/// <summary>Fails to activate while <see cref="LifecycleProbe.RemainingActivationFailures"/> is positive.</summary>
public sealed class FlakyActivationGrain(LifecycleProbe probe) : Grain, IFlakyActivationGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref probe.RemainingActivationFailures) >= 0)
        {
            throw new GrainTestException("activation failed");
        }

        return Task.CompletedTask;
    }

    public Task<string> PingAsync() => Task.FromResult("pong");
}
