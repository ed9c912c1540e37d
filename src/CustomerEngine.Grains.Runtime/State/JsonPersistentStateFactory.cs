using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CustomerEngine.Grains.Runtime.Activation;
using CustomerEngine.Grains.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Runtime.State;

/// <summary>Creates <see cref="PersistentState{TState}"/> over the registered <see cref="IGrainStateStore"/>.</summary>
internal sealed class JsonPersistentStateFactory : IPersistentStateFactory
{
    private readonly IGrainStateStore _store;
    private readonly JsonSerializerOptions _serializerOptions;

    public JsonPersistentStateFactory(IGrainStateStore store, IOptions<GrainRuntimeOptions> options)
    {
        _store = store;
        _serializerOptions = options.Value.StateSerializerOptions;

        // Type metadata can only be fetched (and cached per state type) from read-only options; this
        // also supplies the reflection resolver when the options were created without one.
        if (!_serializerOptions.IsReadOnly)
        {
            _serializerOptions.MakeReadOnly(populateMissingResolver: true);
        }
    }

    public IPersistentState<TState> Create<TState>(IGrainContext context, string stateName) where TState : class, new()
    {
        var state = new PersistentState<TState>(IdOf(context, stateName), _store, TypeInfoOf<TState>(), context as GrainActivation);
        context.RegisterActivationStep(state.ReadStateAsync);
        return state;
    }

    public Task<IReadOnlyList<string>> ListStoredAsync(IGrainContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _store.ListStateNamesAsync(GrainTypeOf(context), context.GrainKey);
    }

    public async Task<IPersistentState<TState>> ReadDetachedAsync<TState>(IGrainContext context, string stateName) where TState : class, new()
    {
        var state = new PersistentState<TState>(IdOf(context, stateName), _store, TypeInfoOf<TState>());
        await state.ReadStateAsync().ConfigureAwait(false);
        return state;
    }

    private static GrainStateId IdOf(IGrainContext context, string stateName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return new GrainStateId(GrainTypeOf(context), context.GrainKey, stateName);
    }

    private static string GrainTypeOf(IGrainContext context) => context.InterfaceType.FullName ?? context.InterfaceType.Name;

    private JsonTypeInfo<TState> TypeInfoOf<TState>() => (JsonTypeInfo<TState>)_serializerOptions.GetTypeInfo(typeof(TState));
}
