namespace CustomerEngine.Grains.Customers;

/// <summary>How often the customer index catches up with the grains.</summary>
public sealed class CustomerIndexOptions
{
    /// <summary>The interval between index writes.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a row whose filterable columns did not change (only counters and times moved) may wait.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}
