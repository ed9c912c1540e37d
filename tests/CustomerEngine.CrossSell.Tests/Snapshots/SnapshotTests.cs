using CustomerEngine.CrossSell.Baskets;
using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.CrossSell.Tests.Support;

namespace CustomerEngine.CrossSell.Tests.Snapshots;

public sealed class SnapshotTests
{
    [Fact]
    public void A_restored_model_answers_exactly_as_the_original()
    {
        var original = Learn(SyntheticBaskets.Generate(seed: 3, baskets: 5_000));

        var restored = RoundTrip(original);

        Assert.Equal(original.Baskets, restored.Baskets);
        Assert.Equal(original.DistinctItems, restored.DistinctItems);
        Assert.Equal(original.DistinctPairs, restored.DistinctPairs);
        Assert.Equal(original.DistinctCategories, restored.DistinctCategories);
        Assert.Equal(original.Rules(AssociationThresholds.None, int.MaxValue).Rules, restored.Rules(AssociationThresholds.None, int.MaxValue).Rules);
        for (var category = 0; category < 12; category++)
        {
            var name = $"category-{category}";
            Assert.Equal(original.CategoryAssociations(name, int.MaxValue, AssociationThresholds.None), restored.CategoryAssociations(name, int.MaxValue, AssociationThresholds.None));
            Assert.Equal(original.PriceTiers(name), restored.PriceTiers(name));
        }

        Assert.Equal(original.CategoryOf("sku-7"), restored.CategoryOf("sku-7"));
        Assert.Equal(original.MeanPrice("sku-7"), restored.MeanPrice("sku-7"));
    }

    [Fact]
    public void A_restored_model_writes_the_same_bytes_again()
    {
        var original = Learn(SyntheticBaskets.Generate(seed: 4, baskets: 2_000));
        var first = Bytes(original);

        var second = Bytes(CrossSellModel.ReadSnapshot(new MemoryStream(first)));

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_restored_model_keeps_learning_as_if_it_had_never_stopped()
    {
        var baskets = SyntheticBaskets.Generate(seed: 5, baskets: 6_000);
        var uninterrupted = Learn(baskets);
        var beforeRestart = Learn(baskets[..3_000]);

        var afterRestart = RoundTrip(beforeRestart);
        foreach (var basket in baskets[3_000..])
        {
            afterRestart.Learn(basket);
        }

        Assert.Equal(uninterrupted.Baskets, afterRestart.Baskets);
        Assert.Equal(uninterrupted.Rules(AssociationThresholds.None, int.MaxValue).Rules, afterRestart.Rules(AssociationThresholds.None, int.MaxValue).Rules);
        Assert.Equal(uninterrupted.PriceTiers("category-3"), afterRestart.PriceTiers("category-3"));
    }

    [Fact]
    public void An_empty_model_round_trips()
    {
        var restored = RoundTrip(new CrossSellModel());

        Assert.Equal(0, restored.Baskets);
        Assert.Empty(restored.Rules(AssociationThresholds.None, 10).Rules);
    }

    [Fact]
    public void The_restored_model_takes_the_options_it_is_given()
    {
        var options = new CrossSellModelOptions { Thresholds = new AssociationThresholds(0.5, 0.5) };

        var restored = CrossSellModel.ReadSnapshot(new MemoryStream(Bytes(TextbookBaskets.Learned())), options);

        Assert.Same(options, restored.Options);
    }

    [Fact]
    public void A_snapshot_of_an_unknown_version_is_refused()
    {
        var bytes = Bytes(TextbookBaskets.Learned());
        bytes[4] = 99;

        var error = Assert.Throws<InvalidDataException>(() => CrossSellModel.ReadSnapshot(new MemoryStream(bytes)));
        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public void A_stream_that_is_not_a_snapshot_is_refused()
    {
        var bytes = "basket,milk,bread\n"u8.ToArray();

        Assert.Throws<InvalidDataException>(() => CrossSellModel.ReadSnapshot(new MemoryStream(bytes)));
    }

    [Fact]
    public void Every_truncation_of_a_snapshot_is_refused()
    {
        var model = TextbookBaskets.Learned();
        model.Learn([new BasketLine("tent", "camping", 10m)]);
        var bytes = Bytes(model);

        for (var length = 0; length < bytes.Length; length++)
        {
            var truncated = bytes[..length];
            Assert.Throws<InvalidDataException>(() => CrossSellModel.ReadSnapshot(new MemoryStream(truncated)));
        }
    }

    [Fact]
    public void A_snapshot_is_read_from_the_current_position_and_leaves_the_stream_open()
    {
        var stream = new MemoryStream();
        stream.WriteByte(0xFF);
        TextbookBaskets.Learned().WriteSnapshot(stream);
        stream.Position = 1;

        var restored = CrossSellModel.ReadSnapshot(stream);

        Assert.Equal(5, restored.Baskets);
        Assert.True(stream.CanRead);
        Assert.Equal(stream.Length, stream.Position);
    }

    private static CrossSellModel Learn(IEnumerable<BasketLine[]> baskets)
    {
        var model = new CrossSellModel();
        foreach (var basket in baskets)
        {
            model.Learn(basket);
        }

        return model;
    }

    private static byte[] Bytes(CrossSellModel model)
    {
        var stream = new MemoryStream();
        model.WriteSnapshot(stream);
        return stream.ToArray();
    }

    private static CrossSellModel RoundTrip(CrossSellModel model) => CrossSellModel.ReadSnapshot(new MemoryStream(Bytes(model)));
}
