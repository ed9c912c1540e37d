using CustomerEngine.Engagement.Actions;

namespace CustomerEngine.Engagement.Tests.Actions;

public sealed class ReasonTemplateTests
{
    [Fact]
    public void Known_placeholders_are_filled_and_unknown_ones_stay_visible()
    {
        var values = new Dictionary<string, string> { ["name"] = "Ada", ["days"] = "61" };

        Assert.Equal("Ada has not bought for 61 days ({typo})", ReasonTemplate.Fill("{name} has not bought for {days} days ({typo})", values));
        Assert.Equal("{a Ada", ReasonTemplate.Fill("{a {name}", values));
        Assert.Equal("no braces", ReasonTemplate.Fill("no braces", values));
    }
}
