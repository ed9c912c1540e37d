using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Erasure;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the CustomerErasure conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteCustomerErasureTests : CustomerErasureConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage();
}
