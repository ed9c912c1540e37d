namespace CustomerEngine.Grains.Ingestion;

/// <summary>How many events of an accepted batch were new, and how many were already in the log.</summary>
public readonly record struct PipelineResult(int Accepted, int Duplicates);
