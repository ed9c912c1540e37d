namespace CustomerEngine.Grains.Runtime.Storage;

/// <summary>Identifies one named piece of state of one grain.</summary>
/// <param name="GrainType">A stable name of the grain type (the grain interface's name).</param>
/// <param name="Key">The grain's key.</param>
/// <param name="StateName">The state's name within the grain.</param>
public readonly record struct GrainStateId(string GrainType, string Key, string StateName)
{
    /// <inheritdoc />
    public override string ToString() => $"{GrainType}/{Key}/{StateName}";
}
