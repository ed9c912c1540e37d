namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>The persisted state of <see cref="ValueModelGrain"/>: the current fit, so it survives a restart.</summary>
public sealed class ValueModelState
{
    /// <summary>The latest successful fit; null until the first.</summary>
    public ClvFit? Current { get; set; }
}
