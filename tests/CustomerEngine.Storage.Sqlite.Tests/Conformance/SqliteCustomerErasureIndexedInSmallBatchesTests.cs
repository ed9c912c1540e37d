using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Erasure;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>
/// Runs the CustomerErasure conformance suite against SQLite with the stream index written every
/// two events, so an erasure finds a customer's events both in the index and in the tail.
/// </summary>
public sealed class SqliteCustomerErasureIndexedInSmallBatchesTests : CustomerErasureConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage(streamIndexBatchEvents: 2);
}
