namespace CustomerEngine.Grains.Runtime;

/// <summary>Creates a grain's persistent state; registered by <c>AddGrainRuntime</c>.</summary>
public interface IPersistentStateFactory
{
    /// <summary>
    /// Creates the state <paramref name="stateName"/> of the grain behind <paramref name="context"/>,
    /// stored under <c>GrainStateId(InterfaceType.FullName, GrainKey, stateName)</c>, and schedules
    /// it to be read before the grain's <see cref="Grain.OnActivateAsync"/>. Call it from the grain's
    /// constructor; use a different name for each state of a grain.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called after the grain's constructor.</exception>
    IPersistentState<TState> Create<TState>(IGrainContext context, string stateName) where TState : class, new();

    /// <summary>
    /// The names of every state stored for the grain behind <paramref name="context"/>, in ordinal
    /// order, including names it never created: states that other processes write beside its own.
    /// </summary>
    Task<IReadOnlyList<string>> ListStoredAsync(IGrainContext context);

    /// <summary>
    /// Reads the state <paramref name="stateName"/> of the grain behind <paramref name="context"/>
    /// now, at any time. It is detached from the activation: it is not read again on activation,
    /// and a conflicting write or clear throws without ending the activation, because it is not
    /// the activation's own state that is behind the store.
    /// </summary>
    Task<IPersistentState<TState>> ReadDetachedAsync<TState>(IGrainContext context, string stateName) where TState : class, new();
}
