using CustomerEngine.Engagement.Suggestions;

namespace CustomerEngine.Engagement.Tests.Suggestions;

public sealed class SuggestionTextsTests
{
    [Fact]
    public void Two_customers_suggestions_with_the_same_reason_hold_one_copy_of_it_and_read_the_same()
    {
        var first = Made("c1", "the customer has made " + 3 + " purchases");
        var second = Made("c2", "the customer has made " + 3 + " purchases");

        var heldFirst = SuggestionTexts.Share(first);
        var heldSecond = SuggestionTexts.Share(second);

        Assert.Same(heldFirst.Reasons[0], heldSecond.Reasons[0]);
        Assert.Same(heldFirst.Title, heldSecond.Title);
        Assert.Equal(first, heldFirst);
        Assert.Equal(second, heldSecond);
        Assert.Same(heldSecond, SuggestionTexts.Share(heldSecond));
    }

    private static Suggestion Made(string customerId, string reason) => new(
        $"s-{customerId}",
        "loyalty-invite",
        "loyalty",
        string.Concat("Invite to the ", "loyalty programme"),
        [reason, "repeat purchase within 30 days"],
        new PriorityFactors(0.4, 1, 0.8, 1),
        0.32,
        DateTimeOffset.UnixEpoch,
        DateTimeOffset.UnixEpoch.AddDays(1));
}
