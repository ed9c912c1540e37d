using CustomerEngine.Grains.Runtime.Reminders;

namespace CustomerEngine.Grains.Runtime.Tests.Support;

/// <summary>
/// One shared table seen by several runtimes whose due reads meet before any returns, so that each
/// runtime reads the same firing as due before any of them can claim it: the race two nodes run.
/// </summary>
public sealed class RendezvousReminderTable(IReminderTable inner, ReadRendezvous rendezvous) : IReminderTable
{
    public Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default) => inner.UpsertAsync(entry, cancellationToken);

    public Task RemoveAsync(string grainType, string key, string name, CancellationToken cancellationToken = default) => inner.RemoveAsync(grainType, key, name, cancellationToken);

    public async Task<IReadOnlyList<ReminderEntry>> ReadDueAsync(DateTimeOffset until, int limit, CancellationToken cancellationToken = default)
    {
        var due = await inner.ReadDueAsync(until, limit, cancellationToken);
        await rendezvous.ArriveAsync();
        return due;
    }

    public Task<bool> TryClaimAsync(ReminderEntry entry, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) => inner.TryClaimAsync(entry, leaseUntil, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadForGrainAsync(string grainType, string key, CancellationToken cancellationToken = default) => inner.ReadForGrainAsync(grainType, key, cancellationToken);
}
