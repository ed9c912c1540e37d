using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>Concurrent clients posting a workload's batches to a host until told to stop (or until the host is gone).</summary>
public sealed class ConcurrentClients
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<EventBatch> _batches = new();
    private readonly Stopwatch _clock;
    private readonly TrafficMode _mode;
    private readonly Task[] _clients;
    private volatile bool _stopping;
    private int _acknowledged;

    private ConcurrentClients(HostProcess host, EventWorkload workload, int clients, TrafficMode mode, Stopwatch clock)
    {
        _clock = clock;
        _mode = mode;
        _clients = [.. Enumerable.Range(0, clients).Select(client => Task.Run(() => RunClientAsync(host, workload.ForClient(client))))];
    }

    /// <summary>Every batch a client took up, in no particular order; stable once <see cref="StopAsync"/> returned.</summary>
    public IReadOnlyList<EventBatch> Batches => [.. _batches];

    public int AcknowledgedCount => Volatile.Read(ref _acknowledged);

    public static ConcurrentClients Start(HostProcess host, EventWorkload workload, int clients, TrafficMode mode, Stopwatch clock) => new(host, workload, clients, mode, clock);

    /// <summary>Waits until at least <paramref name="count"/> batches were acknowledged in all.</summary>
    public async Task WaitForAcknowledgedAsync(int count, string why)
    {
        var deadline = Stopwatch.StartNew();
        while (AcknowledgedCount < count)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"only {AcknowledgedCount} of {count} batches were acknowledged within 90 s ({why}); last answers: {string.Join("; ", LastAttempts(5))}");
            Assert.False(_clients.All(c => c.IsCompleted), $"every client stopped before {count} batches were acknowledged ({why}); last answers: {string.Join("; ", LastAttempts(5))}");
            await Task.Delay(20);
        }
    }

    /// <summary>Lets each client finish the request it is making, then stops them all.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        await Task.WhenAll(_clients).WaitAsync(RequestTimeout * 2);
    }

    private IEnumerable<PostAttempt> LastAttempts(int count) =>
        _batches.SelectMany(b => b.Attempts).OrderByDescending(a => a.SentAt).Take(count);

    private async Task RunClientAsync(HostProcess host, IEnumerator<EventBatch> batches)
    {
        using var client = host.CreateClient();
        client.Timeout = RequestTimeout;
        while (!_stopping && batches.MoveNext())
        {
            var batch = batches.Current;
            _batches.Enqueue(batch);
            while (true)
            {
                var attempt = await EventPoster.PostAsync(client, batch, _clock);
                if (attempt.IsAccepted)
                {
                    Interlocked.Increment(ref _acknowledged);
                    break;
                }

                if (_mode == TrafficMode.StopWhenHostIsGone)
                {
                    if (attempt.IsConnectionFailure)
                    {
                        return;
                    }

                    break;
                }

                if (_stopping)
                {
                    return;
                }

                await Task.Delay(attempt.RetryAfter ?? TimeSpan.FromSeconds(1));
                if (_stopping)
                {
                    return;
                }
            }
        }
    }
}
