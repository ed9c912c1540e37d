using System.Collections.Concurrent;
using CustomerEngine.Storage.Customers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// Collects index rows from customer grains and writes the latest row of each customer in
/// batches. A row whose filterable columns changed (stage, tier, segments, stores…) is written
/// at the next flush; a row where only counters and times moved may wait up to
/// <see cref="CustomerIndexOptions.MaxDelay"/>, so a busy customer costs a few index writes a
/// minute rather than one per event, which is what keeps the single SQLite writer free for events.
/// </summary>
public sealed class CustomerIndexWriter(ICustomerIndex index, IOptions<CustomerIndexOptions> options, ILogger<CustomerIndexWriter> logger)
    : BackgroundService
{
    // A null entry means "remove"; the latest intent per customer wins, keeping the earliest queue time.
    private readonly ConcurrentDictionary<string, PendingRow> _pending = new(StringComparer.Ordinal);
    private const int RowsPerWrite = 256;
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>Queues the latest row of a customer; <paramref name="urgent"/> rows go out at the next flush.</summary>
    public void Enqueue(CustomerIndexEntry entry, bool urgent) =>
        _pending.AddOrUpdate(
            entry.CustomerId,
            static (_, arg) => new PendingRow(arg.entry, Environment.TickCount64, arg.urgent),
            static (_, old, arg) => new PendingRow(arg.entry, old.QueuedAt, old.Urgent || arg.urgent),
            (entry, urgent));

    /// <summary>Queues the removal of a customer's row.</summary>
    public void EnqueueRemoval(string customerId) => _pending[customerId] = new PendingRow(null, Environment.TickCount64, Urgent: true);

    /// <summary>
    /// Drops the queued rows of erased customers, after any write under way has finished: no row
    /// queued or being written before this returns reaches the index after the erasure deletes it.
    /// </summary>
    public async Task ForgetAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            foreach (var customerId in customerIds)
            {
                _pending.TryRemove(customerId, out _);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Writes everything queued so far.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => FlushAsync(all: true, cancellationToken);

    private async Task FlushAsync(bool all, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            var upserts = new List<CustomerIndexEntry>();
            var removals = new List<string>();
            var dueBefore = Environment.TickCount64 - (long)options.Value.MaxDelay.TotalMilliseconds;
            foreach (var (key, pending) in _pending)
            {
                if (!all && !pending.Urgent && pending.QueuedAt > dueBefore)
                {
                    continue;
                }

                if (!_pending.TryRemove(key, out var row))
                {
                    continue;
                }

                if (row.Entry is not { } entry)
                {
                    removals.Add(key);
                }
                else
                {
                    upserts.Add(entry);
                }
            }

            // One chunk at a time: the store commits everything queued in one transaction, and
            // events appended meanwhile should not wait behind thousands of index rows.
            var upserted = 0;
            var removed = 0;
            try
            {
                foreach (var chunk in upserts.Chunk(RowsPerWrite))
                {
                    await index.UpsertAsync(chunk, cancellationToken);
                    upserted += chunk.Length;
                }

                foreach (var id in removals)
                {
                    await index.RemoveAsync(id, cancellationToken);
                    removed++;
                }
            }
            catch
            {
                // The store is unreachable (or the host is stopping): a customer with no further
                // change would keep a stale row for good, so what was not written goes back in the
                // queue, unless a newer row of the same customer was queued meanwhile.
                foreach (var entry in upserts.Skip(upserted))
                {
                    _pending.TryAdd(entry.CustomerId, new PendingRow(entry, Environment.TickCount64, Urgent: true));
                }

                foreach (var id in removals.Skip(removed))
                {
                    _pending.TryAdd(id, new PendingRow(null, Environment.TickCount64, Urgent: true));
                }

                throw;
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    // Flushing is I/O batching, so it runs on wall-clock time rather than the engine clock.
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(all: false, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Writing the customer index failed; the rows are retried from the grains' next changes");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }

    private readonly record struct PendingRow(CustomerIndexEntry? Entry, long QueuedAt, bool Urgent);
}
