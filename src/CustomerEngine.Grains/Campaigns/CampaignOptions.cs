namespace CustomerEngine.Grains.Campaigns;

/// <summary>Real-time campaigns (section <c>Campaigns</c>).</summary>
public sealed class CampaignOptions
{
    /// <summary>A purchase this long after a presentation counts as its conversion. Default 7 days.</summary>
    public TimeSpan AttributionWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often changed results are written to the store. Default 5 seconds.</summary>
    public TimeSpan ResultsSaveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The first width of a results series bucket (it doubles as a campaign runs). Default 10 seconds.</summary>
    public TimeSpan SeriesBucket { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How recent a lifecycle change must be to trigger a <c>lifecycle.changed</c> campaign. Default 1 day.</summary>
    public TimeSpan LifecycleTriggerWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long pausing or ending waits for decisions already under way. Default 2 seconds.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
