using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerEngine.Grains.Runtime.Storage;

namespace CustomerEngine.Grains.Runtime.State;

/// <summary>JSON-serialized state kept in an <see cref="IGrainStateStore"/>. Used only inside the grain's turns, so it needs no locking.</summary>
internal sealed class PersistentState<TState>(GrainStateId id, IGrainStateStore store, JsonTypeInfo<TState> typeInfo)
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
        Version = await store.WriteAsync(id, data, Version).ConfigureAwait(false);
        RecordExists = true;
    }

    public async Task ClearStateAsync()
    {
        await store.ClearAsync(id, Version).ConfigureAwait(false);
        _state = new TState();
        Version = 0;
        RecordExists = false;
    }
}
