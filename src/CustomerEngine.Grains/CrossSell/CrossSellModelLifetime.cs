using System.Diagnostics;
using System.Text.Json;
using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.CrossSell;

/// <summary>
/// Restores the live cross-sell model at start-up and keeps it durable: reads the checkpoint,
/// backfills the purchases the log holds after it, then every
/// <see cref="LiveCrossSellOptions.CheckpointInterval"/> catches up with the log and writes a new
/// checkpoint when the model changed, and writes a last one on shutdown.
/// </summary>
/// <remarks>
/// All of it runs in the background: the host serves while the model fills, and
/// <see cref="ICrossSellModelReader.IsCaughtUp"/> says when it is complete. The checkpoint lives in
/// the grain-state store, the same durable store as the log, so both are backed up together.
/// </remarks>
public sealed class CrossSellModelLifetime(
    LiveCrossSellModel live,
    IEventLog log,
    IGrainStateStore states,
    IOptions<LiveCrossSellOptions> options,
    ILogger<CrossSellModelLifetime> logger) : IHostedService
{
    /// <summary>Where the checkpoint is stored.</summary>
    public static readonly GrainStateId CheckpointId = new("CrossSellModel", "engine", "checkpoint");

    // Never disposed: neither holds a wait handle or timer, and a host can dispose its services
    // while a second, concurrent StopAsync of the same host is still checkpointing (as the test
    // host of a minimal-API app does), which must not fail on a disposed semaphore.
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _checkpointing = new(1, 1);
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _running = Task.CompletedTask;
    private volatile bool _restored;
    private long _storedVersion;
    private long _checkpointedChanges = -1;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _running = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        // A model that was never restored holds only what arrived during start-up; writing it
        // would replace a good checkpoint with a smaller one.
        if (!_restored)
        {
            return;
        }

        try
        {
            await CheckpointAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's stop ran out of time (a node with a million customers to save): the
            // purchases since the last checkpoint are in the log, and the next start learns them.
            logger.LogWarning("The stop ran out of time before the cross-sell checkpoint; the next start learns what came after the last one from the log");
        }
    }

    /// <summary>Completes when the start-up restore and backfill are done; faults if they failed.</summary>
    public Task CaughtUp => _caughtUp.Task;

    /// <summary>
    /// Waits for the start-up backfill, catches up with the log and writes a checkpoint now if the
    /// model changed, instead of at the next interval.
    /// </summary>
    public async Task CheckpointNowAsync(CancellationToken cancellationToken = default)
    {
        await CaughtUp.WaitAsync(cancellationToken);
        await CatchUpAsync(null, cancellationToken);
        await CheckpointAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await RestoreAsync(stopping);
            var started = Stopwatch.GetTimestamp();
            var total = await log.CountAsync(stopping);
            var learned = await CatchUpAsync(new BackfillProgress(live.Through, total, options.Value.ProgressInterval), stopping);
            live.MarkCaughtUp();
            _caughtUp.TrySetResult();
            logger.LogInformation(
                "Cross-sell model caught up: {Baskets} baskets ({Learned} learned from the log in {Elapsed:0.0} s), {Items} SKUs, {Pairs} pairs",
                live.Model.Baskets, learned, Stopwatch.GetElapsedTime(started).TotalSeconds, live.Model.DistinctItems, live.Model.DistinctPairs);
            await CheckpointAsync(stopping);

            using var timer = new PeriodicTimer(options.Value.CheckpointInterval);
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await CheckpointNowAsync(stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The log still holds every purchase: a missed checkpoint only lengthens the next restart.
                    logger.LogError(ex, "Writing the cross-sell checkpoint failed; retrying at the next interval");
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _caughtUp.TrySetCanceled(stopping);
        }
        catch (Exception ex)
        {
            _caughtUp.TrySetException(ex);
            logger.LogError(ex, "The cross-sell model stopped learning from the log; it keeps learning new purchases, and the next start backfills");
        }
    }

    private async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var stored = await states.ReadAsync(CheckpointId, cancellationToken);
        _storedVersion = stored?.Version ?? 0;
        if (stored is null)
        {
            logger.LogInformation("No cross-sell checkpoint yet: learning every purchase in the log");
            live.Restore(new CrossSellModel(live.ModelOptions), 0, []);
        }
        else
        {
            try
            {
                var (checkpoint, model) = CrossSellCheckpoint.Decode(stored.Data, live.ModelOptions);
                live.Restore(model, checkpoint.Through, checkpoint.Above);
                logger.LogInformation(
                    "Cross-sell model restored from its checkpoint: {Baskets} baskets, {Pairs} pairs, every purchase through sequence {Through}",
                    model.Baskets, model.DistinctPairs, checkpoint.Through);
            }
            catch (InvalidDataException ex)
            {
                logger.LogWarning(ex, "The cross-sell checkpoint cannot be read: learning every purchase in the log instead");
                live.Restore(new CrossSellModel(live.ModelOptions), 0, []);
            }
        }

        _restored = true;
    }

    /// <summary>Reads every purchase after the model's position in the log; returns how many baskets were learned.</summary>
    private async Task<long> CatchUpAsync(BackfillProgress? progress, CancellationToken cancellationToken)
    {
        var pageSize = options.Value.BackfillPageSize;
        long learned = 0;

        // The next page is read on another thread while this one is decoded and learned: reading
        // the log and decoding purchases take about as long as each other.
        var reading = ReadPageAsync(live.Through, pageSize, cancellationToken);
        while (reading is not null)
        {
            var page = await reading;
            if (page.Count == 0)
            {
                break;
            }

            var last = page[^1].Sequence;
            reading = page.Count < pageSize ? null : ReadPageAsync(last, pageSize, cancellationToken);
            learned += live.LearnFromLog(ReadBaskets(page));
            progress?.Report(logger, live.Model.Baskets, learned, last);
        }

        live.ForgetPassed();
        return learned;
    }

    private Task<IReadOnlyList<StoredEvent>> ReadPageAsync(long after, int pageSize, CancellationToken cancellationToken) =>
        Task.Run(() => log.ScanAsync(EventTypes.Purchase, after, pageSize, cancellationToken), cancellationToken);

    private (long Sequence, IReadOnlyList<BasketLine>? Lines)[] ReadBaskets(IReadOnlyList<StoredEvent> page)
    {
        var baskets = new (long, IReadOnlyList<BasketLine>?)[page.Count];
        for (var i = 0; i < page.Count; i++)
        {
            var stored = page[i];
            try
            {
                baskets[i] = (stored.Sequence, StoredPurchaseReader.Lines(stored.Payload));
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or ArgumentException)
            {
                baskets[i] = (stored.Sequence, ReadThoroughly(stored));
            }
        }

        return baskets;
    }

    // The full parser, for a payload the fast reader did not expect: it reads every stored form
    // the engine ever accepted, and says what is wrong with one it cannot.
    private IReadOnlyList<BasketLine>? ReadThoroughly(StoredEvent stored)
    {
        try
        {
            return CustomerEventJson.Deserialize(stored.Payload).Data is Purchase purchase ? PurchaseBasket.Lines(purchase) : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            logger.LogWarning(ex, "Purchase {EventId} at sequence {Sequence} cannot be learned; skipped", stored.EventId, stored.Sequence);
            return null;
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await _checkpointing.WaitAsync(cancellationToken);
        try
        {
            var changes = live.Changes;
            if (changes == _checkpointedChanges)
            {
                return;
            }

            var data = live.Checkpoint().Encode();
            try
            {
                _storedVersion = await states.WriteAsync(CheckpointId, data, _storedVersion, cancellationToken);
            }
            catch (GrainStateConflictException ex)
            {
                // Another node sharing the store wrote its checkpoint (or the record was changed by
                // hand). Every node's model has learned the log through its own position, from its
                // pipeline and the log walk, so this one may replace it as well as the other could.
                logger.LogInformation(ex, "The cross-sell checkpoint was written by another node; replacing it with this node's");
                _storedVersion = await states.WriteAsync(CheckpointId, data, ex.ActualVersion ?? 0, cancellationToken);
            }

            _checkpointedChanges = changes;
        }
        finally
        {
            _checkpointing.Release();
        }
    }
}
