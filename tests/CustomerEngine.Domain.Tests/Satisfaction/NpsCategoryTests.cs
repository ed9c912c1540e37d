using CustomerEngine.Domain.Satisfaction;

namespace CustomerEngine.Domain.Tests.Satisfaction;

public sealed class NpsCategoryTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void Score_falls_into_its_nps_category(int score, NpsCategory expected)
    {
        Assert.Equal(expected, NpsCategory.Of(score));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Score_outside_zero_to_ten_is_refused(int score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsCategory.Of(score));
    }
}
