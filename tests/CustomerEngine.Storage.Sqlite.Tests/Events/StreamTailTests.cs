using CustomerEngine.Storage.Sqlite.Events;

namespace CustomerEngine.Storage.Sqlite.Tests.Events;

/// <summary>The in-memory tail of the newest events answers each stream's events once, in order, until indexed.</summary>
public sealed class StreamTailTests
{
    [Fact]
    public void A_sequence_given_out_again_after_a_rollback_is_read_once()
    {
        var tail = new StreamTail();
        tail.Add("s1", 7);
        tail.Add("s2", 8);
        tail.Add("s1", 7);
        tail.Add("s1", 9);

        var (entries, _) = tail.Read(["s1", "s2"], after: 0);

        Assert.Equal([("s1", 7L), ("s2", 8L), ("s1", 9L)], entries);
    }

    [Fact]
    public void Pruning_drops_what_the_index_covers_and_says_how_far_it_went()
    {
        var tail = new StreamTail();
        for (var sequence = 1; sequence <= 6; sequence++)
        {
            tail.Add(sequence % 2 == 0 ? "even" : "odd", sequence);
        }

        tail.Prune(through: 4);

        var (entries, prunedThrough) = tail.Read(["odd", "even"], after: 0);
        Assert.Equal([("odd", 5L), ("even", 6L)], entries);
        Assert.Equal(4, prunedThrough);
        Assert.Equal(2, tail.Count);
    }
}
