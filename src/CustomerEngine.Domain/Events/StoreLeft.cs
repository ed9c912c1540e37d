namespace CustomerEngine.Domain.Events;

/// <summary>Data of <c>store.left</c>; the store is the event's <see cref="CustomerEvent.StoreId"/>.</summary>
public sealed record StoreLeft : EventData;
