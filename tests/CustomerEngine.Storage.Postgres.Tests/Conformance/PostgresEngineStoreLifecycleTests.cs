using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Lifecycle;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Conformance;

/// <summary>Runs the EngineStoreLifecycle conformance suite against PostgreSQL, on a database of its own per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEngineStoreLifecycleTests : EngineStoreLifecycleConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new PostgresConformanceStorage();
}
