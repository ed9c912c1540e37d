using CustomerEngine.Engagement.Learning;

namespace CustomerEngine.Engagement.Tests.Learning;

public sealed class BetaPosteriorTests
{
    [Fact]
    public void Thompson_draws_repeat_exactly_for_the_same_seed()
    {
        var posterior = new BetaPosterior(3, 7);

        var first = Draws(posterior, new Random(42), 50);
        var second = Draws(posterior, new Random(42), 50);
        var otherSeed = Draws(posterior, new Random(43), 50);

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
        Assert.All(first, draw => Assert.InRange(draw, 0.0, 1.0));
    }

    [Theory]
    [InlineData(2.0, 5.0)]
    [InlineData(0.5, 0.5)]
    [InlineData(30.0, 3.0)]
    public void Draws_follow_the_beta_distribution(double alpha, double beta)
    {
        var draws = Draws(new BetaPosterior(alpha, beta), new Random(7), 40_000);

        var mean = draws.Average();
        var variance = draws.Sum(d => (d - mean) * (d - mean)) / (draws.Length - 1);
        var expectedMean = alpha / (alpha + beta);
        var expectedVariance = alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1));

        // Four standard errors of the sample mean and about ten percent of the variance.
        Assert.InRange(mean, expectedMean - (4 * Math.Sqrt(expectedVariance / draws.Length)), expectedMean + (4 * Math.Sqrt(expectedVariance / draws.Length)));
        Assert.InRange(variance, expectedVariance * 0.9, expectedVariance * 1.1);
    }

    [Fact]
    public void An_acceptance_raises_the_mean_and_a_dismissal_lowers_it()
    {
        var prior = BetaPosterior.Uniform;

        Assert.Equal(0.5, prior.Mean);
        Assert.Equal(2.0 / 3, prior.Record(accepted: true).Mean);
        Assert.Equal(1.0 / 3, prior.Record(accepted: false).Mean);
    }

    [Fact]
    public void A_posterior_that_is_not_a_distribution_refuses_to_sample()
    {
        Assert.Throws<InvalidOperationException>(() => new BetaPosterior(0, 1).Sample(new Random(1)));
    }

    private static double[] Draws(BetaPosterior posterior, Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => posterior.Sample(random)).ToArray();
}
