using CustomerEngine.ValueModels.Mathematics;

namespace CustomerEngine.ValueModels.Tests.Mathematics;

public sealed class GaussHypergeometricTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.99)]
    public void One_one_two_is_minus_log_of_one_minus_z_over_z(double z)
    {
        Assert.Equal(-Math.Log(1 - z) / z, GaussHypergeometric.Evaluate(1, 1, 2, z), 10);
    }

    [Theory]
    [InlineData(0.3, 2.5)]
    [InlineData(0.9, 0.25)]
    public void With_b_equal_to_c_it_is_one_minus_z_to_the_minus_a(double z, double a)
    {
        Assert.Equal(Math.Pow(1 - z, -a), GaussHypergeometric.Evaluate(a, 3.7, 3.7, z), 10);
    }

    [Fact]
    public void Refuses_arguments_outside_the_unit_interval()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussHypergeometric.Evaluate(1, 1, 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussHypergeometric.Evaluate(1, 1, 2, double.NaN));
    }
}
