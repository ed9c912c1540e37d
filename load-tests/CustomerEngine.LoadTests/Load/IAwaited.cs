namespace CustomerEngine.LoadTests.Load;

/// <summary>Something posted whose push is awaited, with the time it was due to be sent.</summary>
public interface IAwaited
{
    /// <summary>When it was due to be sent, on the run's clock.</summary>
    TimeSpan Due { get; }
}
