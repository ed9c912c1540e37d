namespace CustomerEngine.Host.Memory;

/// <summary>What <see cref="YoungCollectionPacer"/> does at one look at the allocated bytes.</summary>
public enum PacingStep
{
    /// <summary>Less than the budget was allocated since the last collection.</summary>
    Wait,

    /// <summary>The budget was reached at a rate pacing can afford: start a young collection.</summary>
    Collect,

    /// <summary>The budget was reached, but the process allocates too fast to pace: the runtime decides.</summary>
    LeaveToRuntime,
}
