using CustomerEngine.Storage.Events;

namespace CustomerEngine.Grains.Ingestion;

/// <summary>How many events of an accepted batch were new, and how many were already in the log.</summary>
public readonly record struct PipelineResult(int Accepted, int Duplicates)
{
    /// <summary>The log's answer for each event, in the order they were given (for metrics by event type); empty when nothing was appended.</summary>
    public IReadOnlyList<AppendOutcome> Outcomes { get; init; } = [];
}
