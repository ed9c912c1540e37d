namespace CustomerEngine.Engagement.Learning;

/// <summary>
/// A Beta(α, β) belief about the chance that a customer accepts an action: α counts acceptances and
/// β dismissals, on top of the prior's pseudo-counts. Immutable; <see cref="Record"/> returns the
/// updated belief.
/// </summary>
/// <param name="Alpha">α, greater than 0.</param>
/// <param name="Beta">β, greater than 0.</param>
public readonly record struct BetaPosterior(double Alpha, double Beta)
{
    /// <summary>Beta(1, 1): every acceptance rate equally likely, the default prior.</summary>
    public static BetaPosterior Uniform { get; } = new(1, 1);

    /// <summary>The expected acceptance rate, α / (α + β).</summary>
    public double Mean => Alpha / (Alpha + Beta);

    /// <summary>Whether both parameters are finite and positive.</summary>
    public bool IsValid => double.IsFinite(Alpha) && double.IsFinite(Beta) && Alpha > 0 && Beta > 0;

    /// <summary>The belief after one more outcome.</summary>
    public BetaPosterior Record(bool accepted) => accepted ? this with { Alpha = Alpha + 1 } : this with { Beta = Beta + 1 };

    /// <summary>
    /// One draw from the distribution (Thompson sampling): ranking by a draw rather than the mean
    /// keeps trying actions the engine is still unsure about, in proportion to how likely they are
    /// to be the best. Deterministic for a seeded <paramref name="random"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The parameters are not positive and finite.</exception>
    public double Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!IsValid)
        {
            throw new InvalidOperationException($"Beta({Alpha}, {Beta}) is not a distribution: both parameters must be positive and finite.");
        }

        // If X ~ Gamma(α, 1) and Y ~ Gamma(β, 1) are independent, X / (X + Y) ~ Beta(α, β).
        var x = GammaSampling.Sample(Alpha, random);
        var y = GammaSampling.Sample(Beta, random);
        var sum = x + y;

        // Both draws can underflow to 0 for tiny shapes; the mean is then the only honest answer.
        return sum > 0 ? x / sum : Mean;
    }
}
