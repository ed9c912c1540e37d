using CustomerEngine.Domain.Events;

namespace CustomerEngine.Grains.Tests;

internal static class TestEvents
{
    public static CustomerEvent Purchase(string customerId, DateTimeOffset at, decimal price = 40m, string? eventId = null) =>
        new(eventId ?? Guid.NewGuid().ToString("N"), customerId, null, EventTypes.Purchase, at, "S1", EventChannel.Store,
            new Purchase(Guid.NewGuid().ToString("N"), [new PurchaseItem("SKU-1", "tents", "Acme", price, 1, 0m)], price));

    public static CustomerEvent Entered(string customerId, DateTimeOffset at, string storeId = "S1") =>
        new(Guid.NewGuid().ToString("N"), customerId, null, EventTypes.StoreEntered, at, storeId, EventChannel.Store, new StoreEntered());

    public static CustomerEvent Left(string customerId, DateTimeOffset at, string storeId = "S1") =>
        new(Guid.NewGuid().ToString("N"), customerId, null, EventTypes.StoreLeft, at, storeId, EventChannel.Store, new StoreLeft());

    public static CustomerEvent AnonymousEntered(string anonymousId, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), null, anonymousId, EventTypes.StoreEntered, at, "S1", EventChannel.Store, new StoreEntered());

    public static CustomerEvent Identified(string customerId, string anonymousId, DateTimeOffset at) =>
        new(Guid.NewGuid().ToString("N"), customerId, null, EventTypes.CustomerIdentified, at, null, EventChannel.Online, new CustomerIdentified(anonymousId));
}
