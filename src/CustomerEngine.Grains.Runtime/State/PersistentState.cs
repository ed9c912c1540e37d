using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerEngine.Grains.Runtime.Activation;
using CustomerEngine.Grains.Runtime.Storage;

namespace CustomerEngine.Grains.Runtime.State;

/// <summary>
/// JSON-serialized state kept in an <see cref="IGrainStateStore"/>. Used only inside the grain's turns,
/// so it needs no locking. A conflicting write or clear also ends <paramref name="activation"/> after
/// its turn: its copy of the state is behind the store's, and only a fresh read can catch up.
/// </summary>
internal sealed class PersistentState<TState>(GrainStateId id, IGrainStateStore store, JsonTypeInfo<TState> typeInfo, GrainActivation? activation = null)
    : IPersistentState<TState> where TState : class, new()
{
    private TState _state = new();

    public TState State
    {
        get => _state;
        set => _state = value ?? throw new ArgumentNullException(nameof(value));
    }

    public long Version { get; private set; }

    public bool RecordExists { get; private set; }

    public Task ReadStateAsync() => ReadStateAsync(CancellationToken.None);

    public async Task ReadStateAsync(CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            _state = new TState();
            Version = 0;
            RecordExists = false;
            return;
        }

        _state = JsonSerializer.Deserialize(record.Data, typeInfo) ?? new TState();
        Version = record.Version;
        RecordExists = true;
    }

    public async Task WriteStateAsync()
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(_state, typeInfo);
        try
        {
            Version = await store.WriteAsync(id, data, Version).ConfigureAwait(false);
        }
        catch (GrainStateConflictException)
        {
            activation?.RequestDeactivationAfterConflict();
            throw;
        }

        RecordExists = true;
    }

    public async Task ClearStateAsync()
    {
        try
        {
            await store.ClearAsync(id, Version).ConfigureAwait(false);
        }
        catch (GrainStateConflictException)
        {
            activation?.RequestDeactivationAfterConflict();
            throw;
        }

        _state = new TState();
        Version = 0;
        RecordExists = false;
    }
}
