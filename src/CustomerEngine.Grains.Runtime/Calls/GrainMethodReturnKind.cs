namespace CustomerEngine.Grains.Runtime.Calls;

/// <summary>The awaitable a grain interface method returns.</summary>
internal enum GrainMethodReturnKind
{
    Task,
    TaskOfResult,
    ValueTask,
    ValueTaskOfResult,
}
