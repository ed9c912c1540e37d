using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Erasure;
using CustomerEngine.Storage.Events;

namespace CustomerEngine.Storage;

/// <summary>
/// Everything the engine keeps durably, in one provider: the event log, the customer index, grain
/// state, reminders and the audit trail of customer erasures. Every provider (SQLite, PostgreSQL)
/// passes the same conformance suite.
/// </summary>
public interface IEngineStore : IEventLog, ICustomerIndex, IGrainStateStore, IReminderTable, ICustomerErasure
{
    /// <summary>Creates or upgrades the schema. Safe to call more than once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns normally when the store can be read and written; throws otherwise.</summary>
    Task PingAsync(CancellationToken cancellationToken = default);
}
