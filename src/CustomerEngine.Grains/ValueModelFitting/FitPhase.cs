using System.Text.Json.Serialization;

namespace CustomerEngine.Grains.ValueModelFitting;

/// <summary>The step a fit run is in, in the order they happen.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FitPhase>))]
public enum FitPhase
{
    /// <summary>Walking the event log for purchases.</summary>
    [JsonStringEnumMemberName("readingPurchases")]
    ReadingPurchases,

    /// <summary>Fitting BG/NBD to the customers' purchase days.</summary>
    [JsonStringEnumMemberName("fittingPurchases")]
    FittingPurchases,

    /// <summary>Fitting Gamma-Gamma to the repeat customers' spend.</summary>
    [JsonStringEnumMemberName("fittingSpend")]
    FittingSpend,

    /// <summary>Storing the fit and re-ranking the base.</summary>
    [JsonStringEnumMemberName("saving")]
    Saving,

    /// <summary>Finished, successfully or not.</summary>
    [JsonStringEnumMemberName("done")]
    Done,
}
