using System.Text.Json.Serialization;

namespace CustomerEngine.Domain.Value;

/// <summary>Recency, frequency and monetary scores, each 1 (bottom quintile of the base) to 5 (top).</summary>
public sealed record RfmScore(int R, int F, int M)
{
    /// <summary>R + F + M, the composite that ranks customers into tiers (derived, so not serialized).</summary>
    [JsonIgnore]
    public int Composite => R + F + M;
}
