namespace CustomerEngine.Grains.Runtime;

/// <summary>Why an activation is being deactivated.</summary>
public enum DeactivationReason
{
    /// <summary>The activation was not used for <see cref="GrainRuntimeOptions.CollectionAge"/>.</summary>
    IdleCollected,

    /// <summary>The grain called <see cref="Grain.DeactivateOnIdle"/>.</summary>
    RequestedByGrain,

    /// <summary>The runtime is stopping; this is the last chance to flush state.</summary>
    RuntimeShutdown,
}
