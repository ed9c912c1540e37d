namespace CustomerEngine.Engagement.Learning;

/// <summary>
/// Draws from Gamma(shape, 1) by the method of Marsaglia and Tsang ("A simple method for generating
/// gamma variables", ACM TOMS 26(3), 2000), using only the <see cref="Random"/> passed in.
/// </summary>
internal static class GammaSampling
{
    public static double Sample(double shape, Random random)
    {
        if (shape < 1)
        {
            // Gamma(a) = Gamma(a + 1) · U^(1/a) (the paper's boost for shapes below 1).
            return Sample(shape + 1, random) * Math.Pow(Uniform(random), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = StandardNormal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = Uniform(random);
            var xx = x * x;
            if (u < 1 - (0.0331 * xx * xx) || Math.Log(u) < (0.5 * xx) + (d * (1 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }

    // Box–Muller; one of the pair is discarded so each call uses a fixed number of draws and the
    // sequence stays reproducible whatever the caller interleaves.
    private static double StandardNormal(Random random) =>
        Math.Sqrt(-2 * Math.Log(Uniform(random))) * Math.Cos(2 * Math.PI * random.NextDouble());

    // (0, 1]: never 0, so logarithms and powers stay finite.
    private static double Uniform(Random random) => 1 - random.NextDouble();
}
