namespace CustomerEngine.Simulation.Shoppers;

/// <summary>Where a simulated customer's history puts them in the lifecycle when the simulation starts.</summary>
public enum ShopperProfile
{
    /// <summary>Registered, never bought.</summary>
    Prospect,

    /// <summary>One recent purchase.</summary>
    New,

    /// <summary>Buys every few weeks.</summary>
    Regular,

    /// <summary>Last bought two to five months ago.</summary>
    Lapsing,

    /// <summary>Last bought more than half a year ago.</summary>
    Gone,

    /// <summary>Gone for over half a year, then came back recently.</summary>
    Returning,
}
