namespace CustomerEngine.Storage.Postgres.Reading;

/// <summary>The events of some streams after a sequence.</summary>
/// <param name="StreamKeys">Distinct stream keys.</param>
/// <param name="AfterSequence">Only events with a greater sequence.</param>
internal sealed record StreamEventsRequest(string[] StreamKeys, long AfterSequence);
