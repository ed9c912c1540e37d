using System.Text.Json;
using CustomerEngine.LoadTests.Workload;

namespace CustomerEngine.LoadTests.Tests;

public sealed class RetailEventGeneratorTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 12, 0, 0, 500, TimeSpan.Zero);

    [Fact]
    public void Batches_made_within_one_millisecond_are_stamped_in_different_milliseconds()
    {
        // A customer in both batches must get two distinct times, or the second event changes
        // nothing a dashboard sees and the push scenarios wait for the customer's next push.
        var generator = new RetailEventGenerator(seed: 7, customers: 10, stores: 2);
        var first = new List<GeneratedEvent>();
        var second = new List<GeneratedEvent>();

        var firstJson = generator.NextBatch(20, At, first);
        var secondJson = generator.NextBatch(20, At.AddTicks(3_000), second);

        Assert.All(first, e => Assert.Equal(At, e.OccurredAt));
        Assert.All(second, e => Assert.Equal(At.AddMilliseconds(1), e.OccurredAt));
        Assert.All(OccurredAt(secondJson), at => Assert.Equal(At.AddMilliseconds(1), at));
        Assert.All(OccurredAt(firstJson), at => Assert.Equal(At, at));
    }

    [Fact]
    public void A_batch_made_later_keeps_its_own_time()
    {
        var generator = new RetailEventGenerator(seed: 7, customers: 10, stores: 2);
        var later = new List<GeneratedEvent>();

        generator.NextBatch(5, At);
        generator.NextBatch(5, At.AddSeconds(2), later);

        Assert.All(later, e => Assert.Equal(At.AddSeconds(2), e.OccurredAt));
    }

    private static IEnumerable<DateTimeOffset> OccurredAt(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetProperty("occurredAt").GetDateTimeOffset())];
    }
}
