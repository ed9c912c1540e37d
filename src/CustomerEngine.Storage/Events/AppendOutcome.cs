namespace CustomerEngine.Storage.Events;

/// <summary>What happened to one event of an append: stored at a sequence, or a duplicate.</summary>
public readonly record struct AppendOutcome(long? Sequence)
{
    /// <summary>The event id was already in the log (or earlier in the same batch).</summary>
    public bool IsDuplicate => Sequence is null;

    /// <summary>The outcome of a duplicate.</summary>
    public static AppendOutcome Duplicate => default;
}
