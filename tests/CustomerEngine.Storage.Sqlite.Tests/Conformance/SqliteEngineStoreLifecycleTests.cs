using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Lifecycle;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the EngineStoreLifecycle conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteEngineStoreLifecycleTests : EngineStoreLifecycleConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage();
}
