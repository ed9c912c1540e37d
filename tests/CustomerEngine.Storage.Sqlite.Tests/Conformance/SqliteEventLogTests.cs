using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the EventLog conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteEventLogTests : EventLogConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage();
}
