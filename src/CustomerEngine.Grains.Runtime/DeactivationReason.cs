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

    /// <summary>
    /// A write of the activation's state met a newer stored version: another activation (on another
    /// node, or one that outlived a failover) wrote meanwhile. The activation is dropped so that the
    /// next call reads the stored state afresh; writing again from here would only conflict again.
    /// </summary>
    StateConflict,

    /// <summary>
    /// Another node sharing the store activated the grain (see <see cref="GrainRuntime.DeactivateIfActiveAsync{TGrain}"/>):
    /// this copy is dropped so that one node serves it.
    /// </summary>
    ActivatedElsewhere,

    /// <summary>
    /// Another node changed what the grain is built from (its stored state or events) after this
    /// copy read it; the copy is dropped so that the next call reads it again.
    /// </summary>
    ChangedElsewhere,
}
