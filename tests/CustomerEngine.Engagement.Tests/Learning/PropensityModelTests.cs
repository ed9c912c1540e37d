using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Value;
using CustomerEngine.Engagement.Learning;

namespace CustomerEngine.Engagement.Tests.Learning;

public sealed class PropensityModelTests
{
    [Fact]
    public void An_unseen_action_starts_at_the_prior()
    {
        var model = new PropensityModel(new BetaPosterior(2, 8));

        Assert.Equal(new BetaPosterior(2, 8), model.Posterior("a", "high/valueDriven"));
        Assert.Equal(0.2, model.Mean("a", "high/valueDriven"), 12);
    }

    [Fact]
    public void Outcomes_move_only_their_own_action_and_segment()
    {
        var model = new PropensityModel();

        model.Record("a", "high/valueDriven", accepted: true);
        model.Record("a", "high/valueDriven", accepted: true);
        model.Record("a", "low/priceDriven", accepted: false);

        Assert.Equal(new BetaPosterior(3, 1), model.Posterior("a", "high/valueDriven"));
        Assert.Equal(new BetaPosterior(1, 2), model.Posterior("a", "low/priceDriven"));
        Assert.Equal(BetaPosterior.Uniform, model.Posterior("b", "high/valueDriven"));
    }

    [Fact]
    public void A_snapshot_restores_the_same_beliefs()
    {
        var model = new PropensityModel(new BetaPosterior(1, 3));
        model.Record("a", "s", accepted: true);
        model.Record("b", "s", accepted: false);
        model.Record("b", "s", accepted: false);

        var restored = PropensityModel.Restore(model.Snapshot());

        Assert.Equal(model.Prior, restored.Prior);
        Assert.Equal(model.Snapshot().Counts, restored.Snapshot().Counts);
        Assert.Equal(
            [new PropensityEstimate("a", "s", 1, 0, 2.0 / 5), new PropensityEstimate("b", "s", 0, 2, 1.0 / 6)],
            restored.Estimates());
    }

    [Fact]
    public void Other_nodes_learning_counts_in_beliefs_but_is_not_saved_as_this_nodes()
    {
        var model = new PropensityModel();
        model.Record("a", "high/valueDriven", accepted: true);

        model.SetElsewhere([new PropensityCounts("a", "high/valueDriven", 2, 1), new PropensityCounts("b", "low/priceDriven", 0, 3)]);

        Assert.Equal(new BetaPosterior(4, 2), model.Posterior("a", "high/valueDriven"));
        Assert.Equal(new BetaPosterior(1, 4), model.Posterior("b", "low/priceDriven"));
        Assert.Equal([("a", 3L, 1L), ("b", 0L, 3L)], model.Estimates().Select(e => (e.ActionId, e.Accepted, e.Dismissed)));
        Assert.Equal([new PropensityCounts("a", "high/valueDriven", 1, 0)], model.Snapshot().Counts);

        // A gone node's learning, taken over, becomes this node's own.
        model.SetElsewhere([]);
        model.Absorb(new PropensitySnapshot(BetaPosterior.Uniform, [new PropensityCounts("a", "high/valueDriven", 2, 1)]));
        Assert.Equal([new PropensityCounts("a", "high/valueDriven", 3, 1)], model.Snapshot().Counts);
    }

    [Fact]
    public void Concurrent_outcomes_are_all_counted()
    {
        var model = new PropensityModel();

        Parallel.For(0, 2_000, i => model.Record("a", "s", accepted: i % 4 == 0));

        var counts = Assert.Single(model.Snapshot().Counts);
        Assert.Equal((500L, 1_500L), (counts.Accepted, counts.Dismissed));
    }

    [Fact]
    public void The_segment_key_is_tier_and_price_sensitivity()
    {
        Assert.Equal("high/valueDriven", SegmentKeys.Of(ValueTier.High, PriceSensitivity.ValueDriven));
        Assert.Equal("unknown/unknown", SegmentKeys.Of(null, null));
    }
}
