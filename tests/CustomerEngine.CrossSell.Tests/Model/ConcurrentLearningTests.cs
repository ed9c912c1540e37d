using CustomerEngine.CrossSell.Model;
using CustomerEngine.CrossSell.Rules;
using CustomerEngine.CrossSell.Tests.Support;

namespace CustomerEngine.CrossSell.Tests.Model;

public sealed class ConcurrentLearningTests
{
    [Fact]
    public void Parallel_learners_count_exactly_what_one_learner_counts()
    {
        var baskets = SyntheticBaskets.Generate(seed: 11, baskets: 40_000);
        var sequential = new CrossSellModel();
        foreach (var basket in baskets)
        {
            sequential.Learn(basket);
        }

        var parallel = new CrossSellModel();
        Parallel.ForEach(baskets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, basket => parallel.Learn(basket));

        Assert.Equal(sequential.Baskets, parallel.Baskets);
        Assert.Equal(sequential.DistinctItems, parallel.DistinctItems);
        Assert.Equal(sequential.DistinctPairs, parallel.DistinctPairs);
        Assert.Equal(sequential.Rules(AssociationThresholds.None, int.MaxValue).Rules, parallel.Rules(AssociationThresholds.None, int.MaxValue).Rules);
        for (var category = 0; category < 12; category++)
        {
            var name = $"category-{category}";
            Assert.Equal(sequential.CategoryAssociations(name, int.MaxValue, AssociationThresholds.None), parallel.CategoryAssociations(name, int.MaxValue, AssociationThresholds.None));
            Assert.Equal(sequential.PriceTiers(name), parallel.PriceTiers(name));
        }
    }

    [Fact]
    public void Learners_hitting_the_same_items_at_once_lose_no_count()
    {
        var model = new CrossSellModel();
        const int Learners = 4, BasketsEach = 100_000;
        using var start = new Barrier(Learners);

        // Dedicated threads released together, so the learners really overlap on the same rows.
        var threads = Enumerable.Range(0, Learners).Select(learner => new Thread(() =>
        {
            string[] basket = ["milk", "bread", "eggs", $"own-{learner}"];
            start.SignalAndWait();
            for (var i = 0; i < BasketsEach; i++)
            {
                model.Learn(basket);
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Equal(Learners * BasketsEach, model.Baskets);
        Assert.Equal(Learners * BasketsEach, model.ItemBaskets("milk"));
        Assert.Equal(BasketsEach, model.ItemBaskets("own-2"));
        var fromMilk = model.Associations("milk", 10, AssociationThresholds.None);
        Assert.Equal([Learners * BasketsEach, Learners * BasketsEach, BasketsEach, BasketsEach, BasketsEach, BasketsEach], fromMilk.Select(rule => rule.Count).Order().Reverse());
        Assert.Equal(3 + (Learners * 3), model.DistinctPairs);
    }

    [Fact]
    public async Task Reads_during_learning_only_ever_see_whole_baskets()
    {
        var model = new CrossSellModel();
        string[] basket = ["tent", "mat"];
        var learners = Enumerable.Range(0, 3)
            .Select(_ => Task.Run(() =>
            {
                for (var i = 0; i < 30_000; i++)
                {
                    model.Learn(basket);
                }
            }))
            .ToArray();
        var learning = Task.WhenAll(learners);

        // Every basket holds both items, so in any set of whole baskets the pair, each item and
        // the basket total are equal: support and confidence are exactly 1. A read that saw a
        // basket half counted would find them apart.
        do
        {
            var rules = model.Associations("tent", 10, AssociationThresholds.None);
            var (baskets, all) = model.Rules(AssociationThresholds.None, 10);
            if (rules.Count > 0)
            {
                Assert.Equal(1.0, rules[0].Support);
                Assert.Equal(1.0, rules[0].Confidence);
                Assert.Equal(1.0, rules[0].Lift);
            }

            Assert.All(all, rule => Assert.Equal(baskets, rule.Count));
        }
        while (!learning.IsCompleted);

        await learning;
        Assert.Equal(90_000, model.ItemBaskets("mat"));
    }
}
