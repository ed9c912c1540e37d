using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the CustomerIndex conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteCustomerIndexTests : CustomerIndexConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage();
}
