namespace CustomerEngine.Storage.Conformance;

/// <summary>
/// Fresh, empty storage for one conformance test: the one thing a provider's test project
/// supplies. Disposing it removes whatever it created (files, databases).
/// </summary>
public interface IConformanceStorage : IAsyncDisposable
{
    /// <summary>A store over this storage, not yet initialized (the suite initializes it).</summary>
    Task<IEngineStore> CreateStoreAsync();
}
