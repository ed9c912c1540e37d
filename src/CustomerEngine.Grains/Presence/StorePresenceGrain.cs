using CustomerEngine.Domain.Presence;
using CustomerEngine.Grains.Runtime;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Presence;

/// <summary>
/// A thin shell over <see cref="StorePresence"/>. Presence changes with every visit, so it is
/// written behind a short activation timer instead of on every event.
/// </summary>
public sealed class StorePresenceGrain : Grain, IStorePresenceGrain
{
    private readonly IPersistentState<StorePresence> _state;
    private readonly PresenceOptions _options;
    private IDisposable? _flushTimer;

    /// <summary>Created by the grain runtime.</summary>
    public StorePresenceGrain(IGrainContext context, IPersistentStateFactory states, IOptions<PresenceOptions> options)
    {
        _state = states.Create<StorePresence>(context, "presence");
        _options = options.Value;
    }

    /// <inheritdoc />
    public Task RecordAsync(string customerId, PresenceSignal signal, DateTimeOffset at)
    {
        var presence = _state.State;
        switch (signal)
        {
            case PresenceSignal.Entered:
                presence.Enter(customerId, at);
                break;
            case PresenceSignal.Left:
                presence.Leave(customerId, at);
                break;
            default:
                presence.Seen(customerId, at);
                break;
        }

        _flushTimer ??= RegisterTimer(_ => FlushAsync(), _options.FlushInterval, Timeout.InfiniteTimeSpan);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PresentCustomer>> GetPresentAsync() =>
        Task.FromResult(_state.State.Present(Clock.GetUtcNow(), _options.Timeout));

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_flushTimer is not null)
        {
            await FlushAsync();
        }
    }

    private async Task FlushAsync()
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        _state.State.Prune(Clock.GetUtcNow(), _options.Timeout);
        await _state.WriteStateAsync();
    }
}
