using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Conformance;

/// <summary>Runs the CustomerIndex conformance suite against PostgreSQL, on a database of its own per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCustomerIndexTests : CustomerIndexConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new PostgresConformanceStorage();
}
