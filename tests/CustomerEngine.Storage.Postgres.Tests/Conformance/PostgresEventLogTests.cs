using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.Conformance;

/// <summary>Runs the EventLog conformance suite against PostgreSQL, on a database of its own per test.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresEventLogTests : EventLogConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new PostgresConformanceStorage();
}
