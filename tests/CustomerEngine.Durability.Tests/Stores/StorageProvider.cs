namespace CustomerEngine.Durability.Tests.Stores;

/// <summary>The storage providers every durability promise is tested on.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
