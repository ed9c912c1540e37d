namespace CustomerEngine.Host.Overview;

/// <summary>How the suggestions of one action kind fared.</summary>
/// <param name="Kind">The action kind, e.g. <c>crossSell</c>.</param>
/// <param name="Presented">Suggestions shown to staff.</param>
/// <param name="Accepted">Taken by the customer.</param>
/// <param name="Dismissed">Declined.</param>
/// <param name="Rate">Accepted / (accepted + dismissed); null before the first outcome.</param>
public sealed record ActionAcceptance(string Kind, long Presented, long Accepted, long Dismissed, double? Rate);
