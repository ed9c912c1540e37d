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

    [Fact]
    public void A_providers_own_words_hide_the_common_ones_and_the_latest_value_of_a_word_is_the_one_filled()
    {
        var words = new PlaceholderWords([new("name", "Ada"), new("store", "S1"), new("item", "common item")]);
        foreach (var key in new[] { "item", "a", "b", "c", "d", "e" })
        {
            words[key] = key + "1";
        }

        words["a"] = "a2";
        words["e"] = "e2";

        Assert.Equal("Ada in S1: item1 a2 b1 c1 d1 e2", ReasonTemplate.Fill("{name} in {store}: {item} {a} {b} {c} {d} {e}", words));
        Assert.Equal(["item", "a", "b", "c", "d", "e", "name", "store"], words.Keys);
        Assert.Equal(8, words.Count);
    }
}
