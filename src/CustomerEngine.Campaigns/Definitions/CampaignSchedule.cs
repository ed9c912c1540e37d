namespace CustomerEngine.Campaigns.Definitions;

/// <summary>
/// When an active campaign may reach customers: from <see cref="Start"/> until <see cref="End"/>,
/// and within those on <see cref="Days"/> between <see cref="Hours"/>, read in <see cref="TimeZone"/>.
/// </summary>
public sealed record CampaignSchedule
{
    /// <summary>The first moment; null means at once.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>The moment it stops (exclusive); null means never.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>An IANA time zone (e.g. <c>Europe/Paris</c>) for days and hours; null means UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Days of the week (<c>monday</c>… or <c>mon</c>…); null means every day.</summary>
    public IReadOnlyList<string>? Days { get; init; }

    /// <summary>Hours of the day; null means all day.</summary>
    public HourRange? Hours { get; init; }
}
