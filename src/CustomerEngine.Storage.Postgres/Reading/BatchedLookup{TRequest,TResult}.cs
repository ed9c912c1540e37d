using System.Threading.Channels;
using CustomerEngine.Storage.Postgres.Connections;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Reading;

/// <summary>
/// Point reads of one kind, asked for by many callers at once, answered by one statement: callers
/// queue their request, and each of a few loops takes everything queued and looks it all up with
/// one query over <c>unnest</c>ed arrays. The read counterpart of group commit.
/// </summary>
/// <remarks>
/// A batch of 100 events can activate 100 customers at once, each reading its grain state, its
/// stream's count and its events. One round trip per read made those reads the ingest bottleneck,
/// since a round trip to a server on the same busy cores costs far more than the lookup itself. A
/// lone read is sent at once; reads arriving while a query runs share the next one. A request is
/// sent after it was queued, so it sees every write that completed before it was made.
/// </remarks>
internal abstract class BatchedLookup<TRequest, TResult> : IAsyncDisposable
{
    private const int MaxRequestsPerQuery = 512;

    // Two loops, so one long answer (a customer with a long history) does not hold every other read.
    private const int Loops = 2;

    private readonly Channel<PendingLookup> _queue = Channel.CreateUnbounded<PendingLookup>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly NpgsqlDataSource _dataSource;
    private Task[] _loops = [];

    protected BatchedLookup(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>The statement: parameters from <see cref="AddParameters"/>, rows read by <see cref="ReadResultsAsync"/>.</summary>
    protected abstract string Sql { get; }

    public void Start() => _loops = [.. Enumerable.Range(0, Loops).Select(_ => Task.Run(RunAsync))];

    public Task<TResult> LookUpAsync(TRequest request, CancellationToken cancellationToken)
    {
        var pending = new PendingLookup(request, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresEngineStore), "The PostgreSQL store is closed.");
        }

        return pending.Completion.Task;
    }

    /// <summary>Answers what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).ConfigureAwait(false);
    }

    /// <summary>Adds the arrays the statement unnests, built from every request of the batch.</summary>
    protected abstract void AddParameters(NpgsqlParameterCollection parameters, IReadOnlyList<TRequest> requests);

    /// <summary>Reads the rows into one result per request, by position; results start as <paramref name="results"/>' defaults.</summary>
    protected abstract Task ReadResultsAsync(NpgsqlDataReader rows, IReadOnlyList<TRequest> requests, TResult[] results);

    /// <summary>The result of a request no row answered.</summary>
    protected virtual TResult Empty(TRequest request) => default!;

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingLookup>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxRequestsPerQuery && reader.TryRead(out var pending))
            {
                if (pending.CancellationToken.IsCancellationRequested)
                {
                    pending.Completion.TrySetCanceled(pending.CancellationToken);
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await LookUpBatchAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }

    private async Task LookUpBatchAsync(List<PendingLookup> batch)
    {
        try
        {
            var requests = batch.ConvertAll(pending => pending.Request);
            // The first reads after a server restart are answered, not failed (DroppedConnection).
            var results = await DroppedConnection.ReadAgainOnceAsync(_dataSource, () => QueryAsync(requests)).ConfigureAwait(false);

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
        catch (Exception failure)
        {
            // Reads change nothing: every caller of the batch learns of the failure and may ask again.
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(failure);
            }
        }
    }

    private async Task<TResult[]> QueryAsync(List<TRequest> requests)
    {
        var results = requests.Select(Empty).ToArray();
        await using var command = _dataSource.CreateCommand(Sql);
        AddParameters(command.Parameters, requests);
        await using var rows = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await ReadResultsAsync(rows, requests, results).ConfigureAwait(false);
        return results;
    }

    private sealed class PendingLookup(TRequest request, CancellationToken cancellationToken)
    {
        public TRequest Request { get; } = request;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        // Continuations run elsewhere so a caller's code never runs on, and never stalls, a loop.
        public TaskCompletionSource<TResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
