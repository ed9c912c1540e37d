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
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        var id = new GrainStateId(context.InterfaceType.FullName ?? context.InterfaceType.Name, context.GrainKey, stateName);
        var typeInfo = (JsonTypeInfo<TState>)_serializerOptions.GetTypeInfo(typeof(TState));
        var state = new PersistentState<TState>(id, _store, typeInfo, context as GrainActivation);
        context.RegisterActivationStep(state.ReadStateAsync);
        return state;
    }
}
