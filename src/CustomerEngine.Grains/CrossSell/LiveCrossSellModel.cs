using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.Domain.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.CrossSell;

/// <summary>
/// The engine's one cross-sell model, learning live: every purchase event the log accepts (never a
/// duplicate) becomes one basket, learned exactly once whether the pipeline hands it over right
/// after the append or the walk through the log (start-up backfill, periodic catch-up) reads it.
/// </summary>
/// <remarks>
/// Learning happens under one short lock that also records which events the model holds, so a
/// checkpoint is an exact cut. Readers do not take that lock: <see cref="CrossSellModel"/> gives
/// every read its own consistent cut and lets reads run while baskets are learned.
/// </remarks>
public sealed class LiveCrossSellModel : ICrossSellModelReader
{
    private readonly Lock _gate = new();
    private readonly CrossSellModelOptions _modelOptions;
    private readonly ILogger<LiveCrossSellModel> _logger;
    private volatile CrossSellModel _model;
    private volatile bool _caughtUp;
    private LearnedSequences _learned = new(0, []);
    private long _changes;

    /// <summary>Creates an empty model with the thresholds of <paramref name="options"/>; the start-up restore replaces it.</summary>
    public LiveCrossSellModel(IOptions<LiveCrossSellOptions> options, ILogger<LiveCrossSellModel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _modelOptions = new CrossSellModelOptions { Thresholds = new AssociationThresholds(options.Value.MinSupport, options.Value.MinConfidence) };
        _model = new CrossSellModel(_modelOptions);
        _logger = logger;
    }

    /// <inheritdoc />
    public CrossSellModel Model => _model;

    /// <inheritdoc />
    public bool IsCaughtUp => _caughtUp;

    /// <summary>The settings every instance of the model is created with (its default thresholds).</summary>
    internal CrossSellModelOptions ModelOptions => _modelOptions;

    /// <summary>Every purchase up to this sequence is learned; the log walk resumes after it.</summary>
    internal long Through
    {
        get
        {
            lock (_gate)
            {
                return _learned.Through;
            }
        }
    }

    /// <summary>Grows with every basket learned and every restore; a checkpoint is due when it moved.</summary>
    internal long Changes => Interlocked.Read(ref _changes);

    /// <summary>
    /// Learns the purchases among events just appended to the log (the pipeline calls this with
    /// the new events only). Never throws: the events are durable, and one the model could not
    /// read must not fail the request that delivered it.
    /// </summary>
    public void LearnAppended(IReadOnlyList<SequencedEvent> appended)
    {
        ArgumentNullException.ThrowIfNull(appended);
        List<(long Sequence, IReadOnlyList<BasketLine> Lines)>? baskets = null;
        foreach (var e in appended)
        {
            if (e.Event.Data is Purchase purchase && ToLines(e.Sequence, purchase) is { } lines)
            {
                (baskets ??= []).Add((e.Sequence, lines));
            }
        }

        if (baskets is null)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var (sequence, lines) in baskets)
            {
                if (_learned.Claim(sequence))
                {
                    _model.Learn(lines);
                    _changes++;
                }
            }
        }
    }

    /// <summary>
    /// Learns a page of purchases read from the log in sequence order, skipping those the pipeline
    /// already handed over. A null basket is a purchase that could not be read: it is passed over.
    /// </summary>
    /// <returns>How many baskets were learned.</returns>
    internal int LearnFromLog(IReadOnlyList<(long Sequence, IReadOnlyList<BasketLine>? Lines)> page)
    {
        var learned = 0;
        lock (_gate)
        {
            foreach (var (sequence, lines) in page)
            {
                if (_learned.Pass(sequence) && lines is not null)
                {
                    _model.Learn(lines);
                    learned++;
                }
            }

            _changes += learned;
        }

        return learned;
    }

    /// <summary>Forgets handed-over purchases the log walk went past without finding (erased since).</summary>
    internal void ForgetPassed()
    {
        lock (_gate)
        {
            _learned.ForgetPassed();
        }
    }

    /// <summary>
    /// Replaces the model with one restored from a checkpoint (or a new empty one), holding exactly
    /// the purchases the checkpoint says. Anything the pipeline handed over before this is lost from
    /// the model but not from the log, where the backfill that follows finds it.
    /// </summary>
    internal void Restore(CrossSellModel model, long through, IEnumerable<long> above)
    {
        ArgumentNullException.ThrowIfNull(model);
        lock (_gate)
        {
            _model = model;
            _learned = new LearnedSequences(through, above);
            _changes++;
        }
    }

    /// <summary>The model and exactly which purchases it holds, as of one instant.</summary>
    internal CrossSellCheckpoint Checkpoint()
    {
        using var buffer = new MemoryStream();
        lock (_gate)
        {
            // Under the learning lock, so the snapshot and the sequences describe the same baskets.
            _model.WriteSnapshot(buffer);
            return new CrossSellCheckpoint(_learned.Through, _learned.Above(), buffer.ToArray());
        }
    }

    /// <summary>Marks the model as holding everything the log held at start-up.</summary>
    internal void MarkCaughtUp() => _caughtUp = true;

    private IReadOnlyList<BasketLine>? ToLines(long sequence, Purchase purchase)
    {
        try
        {
            return PurchaseBasket.Lines(purchase);
        }
        catch (ArgumentException ex)
        {
            _logger.LogWarning(ex, "Purchase at sequence {Sequence} is not a basket the cross-sell model can learn; skipped", sequence);
            return null;
        }
    }
}
