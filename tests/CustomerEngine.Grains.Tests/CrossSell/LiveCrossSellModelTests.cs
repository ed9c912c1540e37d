using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.Domain.Events;
using CustomerEngine.Grains.CrossSell;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Grains.Tests.CrossSell;

/// <summary>
/// Each purchase is learned exactly once, whichever of the pipeline and the log walk sees it
/// first, and a checkpoint records exactly which purchases the model holds.
/// </summary>
public sealed class LiveCrossSellModelTests
{
    private static readonly DateTimeOffset Day = new(2025, 5, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_purchase_handed_over_by_the_pipeline_is_skipped_when_the_log_walk_reaches_it()
    {
        var live = NewModel();

        live.LearnAppended([Appended(2, "tent", "mat")]);
        var learned = live.LearnFromLog([FromLog(1, "tent"), FromLog(2, "tent", "mat"), FromLog(3, "mat")]);

        Assert.Equal(2, learned);
        Assert.Equal(3, live.Model.Baskets);
        Assert.Equal(3, live.Through);
        Assert.Equal(1, live.Model.Associations("tent", 10)[0].Count);
    }

    [Fact]
    public void A_purchase_the_log_walk_already_learned_is_skipped_when_the_pipeline_hands_it_over()
    {
        var live = NewModel();

        live.LearnFromLog([FromLog(1, "tent"), FromLog(2, "tent", "mat")]);
        live.LearnAppended([Appended(2, "tent", "mat"), Appended(4, "tent", "stove")]);

        Assert.Equal(3, live.Model.Baskets);
        Assert.Equal(2, live.Model.ItemBaskets("mat") + live.Model.ItemBaskets("stove"));
    }

    [Fact]
    public void The_same_purchase_handed_over_twice_is_learned_once()
    {
        var live = NewModel();

        live.LearnAppended([Appended(5, "tent")]);
        live.LearnAppended([Appended(5, "tent")]);

        Assert.Equal(1, live.Model.Baskets);
    }

    [Fact]
    public void Only_purchases_are_learned()
    {
        var live = NewModel();
        var visit = new CustomerEvent("v1", "c1", null, EventTypes.StoreEntered, Day, "S1", EventChannel.Store, new StoreEntered());

        live.LearnAppended([new SequencedEvent(1, visit), Appended(2, "tent")]);

        Assert.Equal(1, live.Model.Baskets);
    }

    [Fact]
    public void A_purchase_the_log_walk_cannot_read_is_passed_over_and_not_learned()
    {
        var live = NewModel();

        var learned = live.LearnFromLog([FromLog(1, "tent"), (2, null), FromLog(3, "mat")]);

        Assert.Equal(2, learned);
        Assert.Equal(3, live.Through);
    }

    [Fact]
    public void A_checkpoint_restores_the_same_model_and_exactly_which_purchases_it_holds()
    {
        var live = NewModel();
        live.LearnFromLog([FromLog(1, "tent", "mat"), FromLog(2, "tent")]);
        live.LearnAppended([Appended(5, "tent", "stove"), Appended(7, "mat")]);

        var encoded = live.Checkpoint().Encode();
        var (checkpoint, model) = CrossSellCheckpoint.Decode(encoded, live.ModelOptions);
        var restored = NewModel();
        restored.Restore(model, checkpoint.Through, checkpoint.Above);

        // The log as the restarted engine reads it: 3, 4 and 6 were never learned, 5 and 7 were.
        var learned = restored.LearnFromLog([FromLog(3, "stove"), FromLog(4, "mat"), FromLog(5, "tent", "stove"), FromLog(6, "lamp"), FromLog(7, "mat")]);

        Assert.Equal(2, checkpoint.Through);
        Assert.Equal([5L, 7L], checkpoint.Above);
        Assert.Equal(3, learned);
        Assert.Equal(7, restored.Model.Baskets);
        Assert.Equal(3, restored.Model.ItemBaskets("mat"));
        Assert.Equal(3, restored.Model.ItemBaskets("tent"));
    }

    [Fact]
    public void A_truncated_or_foreign_checkpoint_is_refused_as_invalid_data()
    {
        var live = NewModel();
        live.LearnFromLog([FromLog(1, "tent", "mat"), FromLog(2, "tent")]);
        live.LearnAppended([Appended(9, "tent", "stove")]);
        var encoded = live.Checkpoint().Encode();

        for (var length = 0; length < encoded.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => CrossSellCheckpoint.Decode(encoded[..length], live.ModelOptions));
        }

        var foreign = (byte[])encoded.Clone();
        foreign[0] ^= 0xFF;
        Assert.Throws<InvalidDataException>(() => CrossSellCheckpoint.Decode(foreign, live.ModelOptions));
    }

    [Fact]
    public void A_line_without_a_real_category_counts_as_uncategorised()
    {
        var purchase = new Purchase("o1", [new PurchaseItem("tent", "  ", null, 100m, 1, 10m), new PurchaseItem("mat", "sleeping", null, 20m, 2, 0m)], 130m);

        var lines = PurchaseBasket.Lines(purchase);

        Assert.Equal([new BasketLine("tent", null, 100m), new BasketLine("mat", "sleeping", 20m)], lines);
    }

    private static LiveCrossSellModel NewModel() =>
        new(Options.Create(new LiveCrossSellOptions()), NullLogger<LiveCrossSellModel>.Instance);

    private static SequencedEvent Appended(long sequence, params string[] skus) =>
        new(sequence, new CustomerEvent($"e{sequence}", "c1", null, EventTypes.Purchase, Day, "S1", EventChannel.Store, PurchaseOf(skus)));

    private static (long, IReadOnlyList<BasketLine>?) FromLog(long sequence, params string[] skus) =>
        (sequence, PurchaseBasket.Lines(PurchaseOf(skus)));

    private static Purchase PurchaseOf(string[] skus) =>
        new($"o-{string.Join('-', skus)}", [.. skus.Select(sku => new PurchaseItem(sku, null, null, 10m, 1, 0m))], 10m * skus.Length);
}
