using CustomerEngine.Grains.Engagement;

namespace CustomerEngine.Host.Overview;

/// <summary>What one node tells the others for their overview: its accepted events per second, its suggestion outcomes and its store counts.</summary>
/// <param name="LastSecond">The Unix second of the last count in <paramref name="Events"/>.</param>
/// <param name="Events">Events this node accepted in each second up to <paramref name="LastSecond"/>, oldest first.</param>
/// <param name="Outcomes">This node's suggestion outcomes per action kind since it started.</param>
/// <param name="Stores">How many of this node's customers each store has present; null when unchanged since the node last sent them.</param>
public sealed record OverviewShare(long LastSecond, IReadOnlyList<long> Events, IReadOnlyList<ActionKindOutcomes> Outcomes, IReadOnlyDictionary<string, int>? Stores);
