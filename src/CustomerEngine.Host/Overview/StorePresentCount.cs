namespace CustomerEngine.Host.Overview;

/// <summary>How many customers are in one store now.</summary>
/// <param name="StoreId">The store.</param>
/// <param name="Present">Customers present.</param>
public sealed record StorePresentCount(string StoreId, int Present);
