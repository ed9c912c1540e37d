namespace CustomerEngine.Host.Demo;

/// <summary>The built-in simulator (section <c>Demo</c>; <c>--demo</c> turns it on).</summary>
public sealed class DemoOptions
{
    /// <summary>Off unless asked for.</summary>
    public bool Enabled { get; set; }

    /// <summary>How many simulated customers.</summary>
    public int Customers { get; set; } = 3_000;

    /// <summary>How many stores, S1…Sn.</summary>
    public int Stores { get; set; } = 5;

    /// <summary>The steady rate of live events once the history is in.</summary>
    public int EventsPerSecond { get; set; } = 40;

    /// <summary>The same seed gives the same shoppers and choices.</summary>
    public int Seed { get; set; } = 7;
}
