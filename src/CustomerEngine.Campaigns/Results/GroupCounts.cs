namespace CustomerEngine.Campaigns.Results;

/// <summary>
/// One group's counts (treatment or holdout). For the holdout, <see cref="Presented"/> means "would
/// have been presented": the offer was withheld at the moment it would have been shown.
/// </summary>
/// <param name="Eligible">Distinct customers found in the audience while the campaign was active.</param>
/// <param name="Triggered">Trigger occurrences for customers in the audience (each matching event once; a standing offer once per customer).</param>
/// <param name="Presented">Presentations: the offer became one of the customer's current suggestions.</param>
/// <param name="Accepted">Presentations staff recorded as accepted.</param>
/// <param name="Dismissed">Presentations staff recorded as dismissed.</param>
/// <param name="Conversions">Presentations followed by a purchase of the customer within the attribution window.</param>
public sealed record GroupCounts(long Eligible, long Triggered, long Presented, long Accepted, long Dismissed, long Conversions)
{
    /// <summary>All zero.</summary>
    public static GroupCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>These counts and <paramref name="other"/>'s together, as two nodes' counts of one group add up.</summary>
    public GroupCounts Plus(GroupCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Eligible + other.Eligible, Triggered + other.Triggered, Presented + other.Presented,
            Accepted + other.Accepted, Dismissed + other.Dismissed, Conversions + other.Conversions);
    }
}
