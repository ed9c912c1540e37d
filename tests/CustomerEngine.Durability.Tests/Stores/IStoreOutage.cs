namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>Makes a running host's store unreachable, and reachable again, the way it happens in operation.</summary>
public interface IStoreOutage : IAsyncDisposable
{
    /// <summary>What the outage is, for failure messages.</summary>
    string Description { get; }

    /// <summary>Returns once the store is unreachable.</summary>
    Task BeginAsync();

    /// <summary>Returns once the store is reachable again.</summary>
    Task EndAsync();
}
