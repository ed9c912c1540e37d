namespace CustomerEngine.CrossSell.Model;

/// <summary>
/// Read access to the engine's one live cross-sell model, for code that answers from it
/// (the association endpoints, cross-sell and up-sell arbitration). The host keeps the model
/// learning from every new purchase; readers never teach it anything.
/// </summary>
/// <remarks>
/// Every read on <see cref="CrossSellModel"/> is a consistent cut taken under the model's own
/// lock, so pass <see cref="Model"/> straight to <c>CrossSellCandidates.For</c>,
/// <c>UpSellCandidates.For</c>, <c>Associations</c> or <c>Rules</c> from any thread. Take it
/// afresh for each request rather than keeping it: the instance is replaced once, when the
/// persisted model is restored at start-up.
/// </remarks>
public interface ICrossSellModelReader
{
    /// <summary>The live model. Read from it only; calling <c>Learn</c> on it would count a basket the event log does not hold.</summary>
    CrossSellModel Model { get; }

    /// <summary>
    /// True once the model holds every purchase of the event log as it was at start-up (restored
    /// and backfilled); before that, answers are computed from the baskets learned so far.
    /// </summary>
    bool IsCaughtUp { get; }
}
