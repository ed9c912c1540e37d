using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>
/// Runs the EventLog conformance suite against SQLite with the stream index written every two
/// events, so reads combine the index with the in-memory tail and race the indexing writes.
/// </summary>
public sealed class SqliteEventLogIndexedInSmallBatchesTests : EventLogConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage(streamIndexBatchEvents: 2);
}
