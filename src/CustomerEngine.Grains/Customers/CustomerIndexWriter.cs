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
    // A null row means "remove"; the latest intent per customer wins. A customer's row is the
    // same object for the life of its activation, so queueing it again allocates nothing.
    private readonly ConcurrentDictionary<string, CustomerIndexRow?> _pending = new(StringComparer.Ordinal);
    private const int RowsPerWrite = 256;
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>
    /// Queues a customer's row, as it stands when it is written; <paramref name="urgent"/> rows go
    /// out at the next flush, others within <see cref="CustomerIndexOptions.MaxDelay"/> of being queued.
    /// </summary>
    public void Enqueue(CustomerIndexRow row, bool urgent)
    {
        ArgumentNullException.ThrowIfNull(row);
        row.MarkQueued(urgent, Environment.TickCount64);
        _pending[row.CustomerId] = row;
    }

    /// <summary>Queues the removal of a customer's row.</summary>
    public void EnqueueRemoval(string customerId) => _pending[customerId] = null;

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
            var rows = new List<CustomerIndexRow>();
            var removals = new List<string>();
            var dueBefore = Environment.TickCount64 - (long)options.Value.MaxDelay.TotalMilliseconds;
            foreach (var (key, pending) in _pending)
            {
                if (!all && pending is not null && !pending.IsDue(dueBefore))
                {
                    continue;
                }

                // Only what was seen: a removal or another row queued meanwhile stays for the next flush.
                if (!_pending.TryRemove(KeyValuePair.Create(key, pending)))
                {
                    continue;
                }

                if (pending is null)
                {
                    removals.Add(key);
                }
                else
                {
                    rows.Add(pending);
                }
            }

            // In key order, so each chunk covers a narrow range of customers and shares the pages
            // of the index's table with its neighbours instead of touching one page per row.
            rows.Sort(static (a, b) => string.CompareOrdinal(a.CustomerId, b.CustomerId));

            // One chunk at a time: the store commits everything queued in one transaction, and
            // events appended meanwhile should not wait behind thousands of index rows.
            var upserted = 0;
            var removed = 0;
            try
            {
                // A chunk's rows are read just before they are written, so that only one chunk of
                // entries is alive at a time. A row is read after it left the queue: an update
                // made from then on queues it again.
                foreach (var chunk in rows.Chunk(RowsPerWrite))
                {
                    await index.UpsertAsync([.. chunk.Select(row => row.TakeForWrite())], cancellationToken);
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
                foreach (var row in rows.Skip(upserted))
                {
                    row.MarkQueued(urgent: true, Environment.TickCount64);
                    _pending.TryAdd(row.CustomerId, row);
                }

                foreach (var id in removals.Skip(removed))
                {
                    _pending.TryAdd(id, null);
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
}
