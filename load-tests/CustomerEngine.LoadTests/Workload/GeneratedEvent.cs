namespace CustomerEngine.LoadTests.Workload;

/// <summary>What the generator put in a batch about one event, for scenarios that match the engine's reactions to it.</summary>
/// <param name="CustomerId">The event's customer.</param>
/// <param name="StoreId">The store it happened in.</param>
/// <param name="Type">The event type.</param>
/// <param name="OccurredAt">Its time as written on the wire (millisecond precision).</param>
public sealed record GeneratedEvent(string CustomerId, string StoreId, string Type, DateTimeOffset OccurredAt);
