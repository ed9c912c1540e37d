using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.GrainState;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the GrainStateStore conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteGrainStateStoreTests : GrainStateStoreConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage();
}
