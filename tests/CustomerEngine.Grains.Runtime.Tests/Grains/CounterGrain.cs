namespace CustomerEngine.Grains.Runtime.Tests.Grains;

public sealed class CounterGrain : Grain, ICounterGrain
{
    public const string StateName = "counter";

    private readonly IPersistentState<CounterState> _state;
    private readonly LifecycleProbe _probe;
    private readonly Guid _activationId = Guid.NewGuid();
    private readonly string _keySeenInConstructor;

    public CounterGrain(IGrainContext context, IPersistentStateFactory states, LifecycleProbe probe)
    {
        _state = states.Create<CounterState>(context, StateName);
        _probe = probe;
        _keySeenInConstructor = GrainKey;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _probe.Record($"activate {GrainKey} count={_state.State.Count}");
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _probe.Record($"deactivate {GrainKey} {reason}");
        _probe.DeactivationStarted(GrainKey, reason);
        if (_probe.DeactivationGate is { } gate)
        {
            await gate.Task;
        }

        if (reason == DeactivationReason.RuntimeShutdown)
        {
            await _state.WriteStateAsync();
        }

        _probe.DeactivationFinished(GrainKey, reason);
    }

    public Task<int> IncrementAsync() => Task.FromResult(++_state.State.Count);

    public Task<int> GetCountAsync() => Task.FromResult(_state.State.Count);

    public ValueTask<int> GetCountAsValueTaskAsync() => ValueTask.FromResult(_state.State.Count);

    public async ValueTask SaveAsValueTaskAsync() => await _state.WriteStateAsync();

    public Task SaveAsync() => _state.WriteStateAsync();

    public Task ClearAsync() => _state.ClearStateAsync();

    public Task<long> GetVersionAsync() => Task.FromResult(_state.Version);

    public Task<bool> GetRecordExistsAsync() => Task.FromResult(_state.RecordExists);

    public Task<Guid> GetActivationIdAsync() => Task.FromResult(_activationId);

    public Task<string> GetKeySeenInConstructorAsync() => Task.FromResult(_keySeenInConstructor);

    public async Task FailAsync(string message)
    {
        await Task.Yield();
        throw new GrainTestException(message);
    }

    public Task FailBeforeReturningTaskAsync(string message) => throw new GrainTestException(message);

    public Task DeactivateAfterThisCallAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
