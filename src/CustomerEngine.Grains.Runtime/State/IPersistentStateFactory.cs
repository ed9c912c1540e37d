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
}
