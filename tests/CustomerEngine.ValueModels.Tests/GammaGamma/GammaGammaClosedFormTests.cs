using CustomerEngine.ValueModels.GammaGamma;

namespace CustomerEngine.ValueModels.Tests.GammaGamma;

public sealed class GammaGammaClosedFormTests
{
    [Fact]
    public void Expected_spend_weights_the_population_mean_against_the_customers_own_mean()
    {
        var parameters = new GammaGammaParameters(p: 6.25, q: 3.74, gamma: 15.44);
        const double own = 40;
        const int x = 3;

        // Population mean pγ/(q−1), weighted by (q−1)/(px+q−1); own mean weighted by px/(px+q−1).
        var populationMean = 6.25 * 15.44 / 2.74;
        var denominator = 6.25 * x + 3.74 - 1;
        var expected = 2.74 / denominator * populationMean + 6.25 * x / denominator * own;

        Assert.Equal(expected, parameters.ExpectedSpend(own, x), 10);
        Assert.Equal(populationMean, parameters.ExpectedSpend(0, 0), 10);
    }

    [Fact]
    public void Log_likelihood_with_unit_shapes_and_one_transaction_is_that_of_a_lomax_density()
    {
        var parameters = new GammaGammaParameters(p: 1, q: 1, gamma: 2);

        // p = q = x = 1: Γ(2)/(Γ(1)Γ(1)) · γ / (γ + m)^2 = 2 / (2 + 3)^2 at m = 3.
        Assert.Equal(Math.Log(2.0 / 25), parameters.LogLikelihood(3, 1), 12);
    }

    [Fact]
    public void Population_mean_is_refused_when_it_is_infinite()
    {
        Assert.Throws<InvalidOperationException>(() => new GammaGammaParameters(1, 0.5, 2).ExpectedSpend(0, 0));
    }
}
