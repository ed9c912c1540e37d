using CustomerEngine.Storage.Conformance;
using CustomerEngine.Storage.Conformance.Reminders;
using CustomerEngine.Storage.Sqlite.Tests.Support;

namespace CustomerEngine.Storage.Sqlite.Tests.Conformance;

/// <summary>Runs the ReminderTable conformance suite against SQLite, on a fresh file per test.</summary>
public sealed class SqliteReminderTableTests : ReminderTableConformance
{
    /// <inheritdoc />
    protected override IConformanceStorage CreateStorage() => new SqliteConformanceStorage();
}
