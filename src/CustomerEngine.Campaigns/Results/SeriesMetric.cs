namespace CustomerEngine.Campaigns.Results;

/// <summary>What a series increment counts.</summary>
public enum SeriesMetric
{
    /// <summary>A presentation (or, for the holdout, a withheld one).</summary>
    Presented = 0,

    /// <summary>An accepted outcome.</summary>
    Accepted = 1,

    /// <summary>A conversion.</summary>
    Conversion = 2,
}
