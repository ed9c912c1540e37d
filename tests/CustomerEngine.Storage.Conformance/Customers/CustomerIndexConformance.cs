using CustomerEngine.Storage.Customers;
using static CustomerEngine.Storage.Conformance.Customers.SampleCustomers;
using static CustomerEngine.Storage.Conformance.Events.SampleEvents;

namespace CustomerEngine.Storage.Conformance.Customers;

/// <summary>What every <see cref="ICustomerIndex"/> must do.</summary>
public abstract class CustomerIndexConformance : EngineStoreConformanceBase
{
    private static readonly CustomerQuery Everyone = new(Stage: null, Tier: null, Segment: null, StoreId: null, Page: 1, PageSize: 100);

    [Fact]
    public async Task Upserted_entry_reads_back_with_every_field()
    {
        var prospect = Prospect("p-1");
        var active = Active("a-1");

        await Store.UpsertAsync([active, prospect]);

        var page = await Store.QueryAsync(Everyone);
        Assert.Equal([active, prospect], page.Items);
    }

    [Fact]
    public async Task Reading_by_ids_returns_the_entries_named_in_customer_id_order_and_leaves_out_unknown_ids()
    {
        var (ada, bea, cy) = (Active("c-ada"), Prospect("c-bea"), Active("c-cy") with { Tier = "high", OpenComplaints = 2 });
        await Store.UpsertAsync([cy, ada, bea]);

        var read = await CustomerIndex.ReadAsync(["c-cy", "c-unknown", "c-ada", "c-cy"]);

        Assert.Equal([ada, cy], read);
        Assert.Empty(await CustomerIndex.ReadAsync([]));
    }

    [Fact]
    public async Task Reading_by_ids_sees_replacements_and_removals()
    {
        await Store.UpsertAsync([Active("c-1"), Active("c-2")]);
        var replacement = Prospect("c-1") with { Name = "Renamed", NpsCategory = "promoter" };
        await Store.UpsertAsync([replacement]);
        await Store.RemoveAsync("c-2");

        Assert.Equal([replacement], await CustomerIndex.ReadAsync(["c-1", "c-2"]));
    }

    [Fact]
    public async Task Reading_by_ids_refuses_an_empty_id()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => CustomerIndex.ReadAsync(["c-1", ""]));
    }

    [Fact]
    public async Task Upsert_replaces_the_entry_with_the_same_customer_id()
    {
        await Store.UpsertAsync([Active("c-1"), Active("c-2")]);
        var replacement = Prospect("c-1") with { Stage = "churned", Name = "Renamed", Monetary = 9.5m };

        await Store.UpsertAsync([replacement]);

        var page = await Store.QueryAsync(Everyone);
        Assert.Equal(2, page.Total);
        Assert.Equal([replacement, Active("c-2")], page.Items);
    }

    [Fact]
    public async Task A_replacement_that_keeps_the_stores_and_due_time_changes_every_other_field_and_is_still_found_by_them()
    {
        var first = Active("c-1");
        await Store.UpsertAsync([first, Active("c-2") with { HomeStoreId = "store-9", LastStoreId = "store-9", NextDueAt = null }]);
        var busier = first with
        {
            Name = "Renamed", Stage = "atRisk", Tier = "high", PriceSensitivity = "priceDriven", Loyalty = "switcher",
            ChannelPreference = "omnichannel", NpsCategory = "detractor", OpenComplaints = 3, Frequency = 9, Monetary = 999.99m,
            LastPurchaseAt = Origin, LastSeenAt = Origin, PurchaseDays = 8, FirstPurchaseAt = Origin.AddDays(-200), RepeatDaySpend = 1.5m,
        };

        await Store.UpsertAsync([busier]);

        Assert.Equal([busier], (await Store.QueryAsync(Everyone with { StoreId = "store-1" })).Items);
        Assert.Equal([busier], (await Store.QueryAsync(Everyone with { StoreId = "store-2", Stage = "atRisk" })).Items);
        Assert.Equal(["c-1"], await CustomerIndex.ReadDueAsync(first.NextDueAt!.Value, limit: 10));
    }

    [Fact]
    public async Task A_replacement_that_moves_the_stores_or_the_due_time_is_found_by_the_new_ones_only()
    {
        var first = Active("c-1");
        await Store.UpsertAsync([first, Active("c-2")]);
        var moved = first with { HomeStoreId = "store-7", LastStoreId = null, NextDueAt = null, Frequency = 5 };
        var dueSooner = Active("c-2") with { NextDueAt = Origin.AddDays(-1) };

        await Store.UpsertAsync([moved, dueSooner]);

        Assert.Equal([moved], (await Store.QueryAsync(Everyone with { StoreId = "store-7" })).Items);
        Assert.Equal(["c-2"], Ids(await Store.QueryAsync(Everyone with { StoreId = "store-1" })));
        Assert.Equal(["c-2"], Ids(await Store.QueryAsync(Everyone with { StoreId = "store-2" })));
        Assert.Equal(["c-2"], await CustomerIndex.ReadDueAsync(Origin, limit: 10));
        Assert.Equal(["c-2"], await CustomerIndex.ReadDueAsync(Origin.AddDays(100), limit: 10));
    }

    [Theory]
    [InlineData("0.01")]
    [InlineData("-17.25")]
    [InlineData("12345678901234567.8901")]
    [InlineData("0.0000001")]
    [InlineData("79228162514264337593543950335")]
    public async Task Monetary_value_round_trips_exactly(string monetary)
    {
        var value = decimal.Parse(monetary, System.Globalization.CultureInfo.InvariantCulture);

        await Store.UpsertAsync([Active("c-1") with { Monetary = value }]);

        Assert.Equal(value, Assert.Single((await Store.QueryAsync(Everyone)).Items).Monetary);
    }

    [Fact]
    public async Task Query_without_filters_returns_everyone_ordered_by_customer_id()
    {
        await SeedFilterCustomersAsync();

        var page = await Store.QueryAsync(Everyone);

        Assert.Equal(5, page.Total);
        Assert.Equal(["a", "b", "c", "d", "e"], Ids(page));
    }

    [Fact]
    public async Task Stage_filter_matches_the_stage()
    {
        await SeedFilterCustomersAsync();

        var page = await Store.QueryAsync(Everyone with { Stage = "atRisk" });

        Assert.Equal(["c", "e"], Ids(page));
        Assert.Equal(2, page.Total);
    }

    [Fact]
    public async Task Tier_filter_matches_the_tier()
    {
        await SeedFilterCustomersAsync();

        Assert.Equal(["a", "c"], Ids(await Store.QueryAsync(Everyone with { Tier = "high" })));
    }

    [Theory]
    [InlineData("priceDriven", new[] { "a", "e" })]
    [InlineData("switcher", new[] { "b", "e" })]
    [InlineData("omnichannel", new[] { "c" })]
    [InlineData("valueDriven", new[] { "b", "c" })]
    public async Task Segment_filter_matches_price_sensitivity_loyalty_or_channel_preference(string segment, string[] expected)
    {
        await SeedFilterCustomersAsync();

        Assert.Equal(expected, Ids(await Store.QueryAsync(Everyone with { Segment = segment })));
    }

    [Theory]
    [InlineData("s1", new[] { "a", "b" })]
    [InlineData("s2", new[] { "b", "c", "e" })]
    [InlineData("s3", new[] { "c", "e" })]
    [InlineData("s9", new string[0])]
    public async Task Store_filter_matches_the_home_store_or_the_last_store(string storeId, string[] expected)
    {
        await SeedFilterCustomersAsync();

        var page = await Store.QueryAsync(Everyone with { StoreId = storeId });

        Assert.Equal(expected, Ids(page));
        Assert.Equal(expected.Length, page.Total);
    }

    [Fact]
    public async Task Filters_combine_so_that_an_entry_must_match_every_one()
    {
        await SeedFilterCustomersAsync();

        Assert.Equal(["c", "e"], Ids(await Store.QueryAsync(Everyone with { Stage = "atRisk", StoreId = "s2" })));
        Assert.Equal(["b"], Ids(await Store.QueryAsync(Everyone with { Stage = "active", Segment = "switcher" })));
        Assert.Equal(["c"], Ids(await Store.QueryAsync(new CustomerQuery("atRisk", "high", "valueDriven", "s3", 1, 10))));
        var none = await Store.QueryAsync(Everyone with { Stage = "active", Tier = "medium" });
        Assert.Empty(none.Items);
        Assert.Equal(0, none.Total);
    }

    [Fact]
    public async Task Pages_follow_customer_id_order_and_carry_the_total_of_all_matches()
    {
        await SeedFilterCustomersAsync();

        var pages = new List<CustomerPage>();
        for (var number = 1; number <= 4; number++)
        {
            pages.Add(await Store.QueryAsync(Everyone with { Page = number, PageSize = 2 }));
        }

        Assert.Equal(["a", "b"], Ids(pages[0]));
        Assert.Equal(["c", "d"], Ids(pages[1]));
        Assert.Equal(["e"], Ids(pages[2]));
        Assert.Empty(pages[3].Items);
        Assert.All(pages, page => Assert.Equal(5, page.Total));
    }

    [Fact]
    public async Task Filtered_pages_count_only_the_matches()
    {
        await SeedFilterCustomersAsync();

        var second = await Store.QueryAsync(Everyone with { StoreId = "s2", Page = 2, PageSize = 2 });

        Assert.Equal(["e"], Ids(second));
        Assert.Equal(3, second.Total);
    }

    [Fact]
    public async Task Due_customers_are_those_due_at_or_before_now_earliest_first()
    {
        var now = Origin;
        await Store.UpsertAsync(
        [
            Active("late") with { NextDueAt = now.AddHours(-1) },
            Active("exactly-now") with { NextDueAt = now },
            Active("future") with { NextDueAt = now.AddMilliseconds(1) },
            Active("earliest") with { NextDueAt = now.AddDays(-3) },
            Prospect("never"),
        ]);

        var due = await CustomerIndex.ReadDueAsync(now, limit: 10);

        Assert.Equal(["earliest", "late", "exactly-now"], due);
    }

    [Fact]
    public async Task Due_customers_are_limited_to_the_earliest()
    {
        await Store.UpsertAsync([.. Enumerable.Range(0, 6).Select(i => Active($"c-{i}") with { NextDueAt = Origin.AddMinutes(-i) })]);

        var due = await CustomerIndex.ReadDueAsync(Origin, limit: 3);

        Assert.Equal(["c-5", "c-4", "c-3"], due);
    }

    [Fact]
    public async Task Value_inputs_stream_every_customer_with_a_purchase()
    {
        var buyers = Enumerable.Range(0, 25)
            .Select(i => Active($"buyer-{i:00}") with { Frequency = i + 1, Monetary = 10.5m * (i + 1), LastPurchaseAt = Origin.AddDays(-i) })
            .ToList();
        await Store.UpsertAsync([.. buyers, Prospect("prospect-1"), Prospect("prospect-2")]);

        var rows = new List<ValueInputRow>();
        await foreach (var row in Store.ReadValueInputsAsync())
        {
            rows.Add(row);
        }

        var expected = buyers.Select(b => new ValueInputRow(
            b.CustomerId, b.Frequency, b.Monetary, b.LastPurchaseAt!.Value, b.Stage, b.NextDueAt, b.PurchaseDays, b.FirstPurchaseAt, b.RepeatDaySpend));
        Assert.Equal(expected.OrderBy(r => r.CustomerId, StringComparer.Ordinal), rows.OrderBy(r => r.CustomerId, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Value_inputs_carry_the_value_model_inputs_or_say_they_are_not_known()
    {
        var known = Active("known") with { PurchaseDays = 7, FirstPurchaseAt = Origin.AddDays(-300), RepeatDaySpend = 612.40m, Stage = "atRisk", NextDueAt = null };
        var unknown = Active("unknown") with { PurchaseDays = null, FirstPurchaseAt = null, RepeatDaySpend = 0m };
        await Store.UpsertAsync([known, unknown]);

        var rows = new List<ValueInputRow>();
        await foreach (var row in Store.ReadValueInputsAsync())
        {
            rows.Add(row);
        }

        var byId = rows.ToDictionary(r => r.CustomerId);
        Assert.Equal((7, Origin.AddDays(-300), 612.40m, "atRisk", (DateTimeOffset?)null), (byId["known"].PurchaseDays!.Value, byId["known"].FirstPurchaseAt!.Value, byId["known"].RepeatDaySpend, byId["known"].Stage, byId["known"].NextDueAt));
        Assert.Null(byId["unknown"].PurchaseDays);
        Assert.Null(byId["unknown"].FirstPurchaseAt);
        Assert.Equal([known, unknown], (await Store.QueryAsync(Everyone)).Items);
    }

    [Fact]
    public async Task Tier_updates_set_the_tier_of_each_named_customer_and_nothing_else()
    {
        await Store.UpsertAsync([Active("a") with { Tier = null }, Active("b"), Active("c")]);

        await Store.UpdateTiersAsync([new TierAssignment("a", "high"), new TierAssignment("c", "low")]);

        var page = await Store.QueryAsync(Everyone);
        Assert.Equal([Active("a") with { Tier = "high" }, Active("b"), Active("c") with { Tier = "low" }], page.Items);
    }

    [Fact]
    public async Task Tier_update_for_a_customer_not_in_the_index_adds_no_entry()
    {
        await Store.UpsertAsync([Active("a")]);

        await Store.UpdateTiersAsync([new TierAssignment("ghost", "high"), new TierAssignment("a", "low")]);

        var page = await Store.QueryAsync(Everyone);
        Assert.Equal(["a"], Ids(page));
        Assert.Equal("low", page.Items[0].Tier);
    }

    [Fact]
    public async Task Tier_update_over_a_large_base_reaches_every_customer()
    {
        const int Customers = 7_500;
        await Store.UpsertAsync([.. Enumerable.Range(0, Customers).Select(i => Active($"c-{i:00000}") with { Tier = null })]);

        await Store.UpdateTiersAsync([.. Enumerable.Range(0, Customers).Select(i => new TierAssignment($"c-{i:00000}", i % 5 == 0 ? "high" : "low"))]);

        Assert.Equal(Customers / 5, (await Store.QueryAsync(Everyone with { Tier = "high", PageSize = 1 })).Total);
        Assert.Equal(Customers - (Customers / 5), (await Store.QueryAsync(Everyone with { Tier = "low", PageSize = 1 })).Total);
    }

    [Fact]
    public async Task Remove_deletes_only_that_customer()
    {
        await Store.UpsertAsync([Active("a"), Active("b")]);

        await Store.RemoveAsync("a");

        Assert.Equal(["b"], Ids(await Store.QueryAsync(Everyone)));
    }

    [Fact]
    public async Task Removing_a_customer_not_in_the_index_is_not_an_error()
    {
        await Store.UpsertAsync([Active("a")]);

        await Store.RemoveAsync("ghost");

        Assert.Equal(["a"], Ids(await Store.QueryAsync(Everyone)));
    }

    [Fact]
    public async Task Page_numbers_start_at_one()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.QueryAsync(Everyone with { Page = 0 }));
    }

    [Fact]
    public async Task Counts_group_the_base_by_stage_tier_and_nps_category_per_segment()
    {
        await Store.UpsertAsync(
        [
            Active("a") with { Stage = "active", Tier = "high", PriceSensitivity = "priceDriven", Loyalty = "loyal", ChannelPreference = "store", NpsCategory = "promoter" },
            Active("b") with { Stage = "active", Tier = "low", PriceSensitivity = "priceDriven", Loyalty = "switcher", ChannelPreference = "store", NpsCategory = "detractor" },
            Active("c") with { Stage = "atRisk", Tier = null, PriceSensitivity = "valueDriven", Loyalty = null, ChannelPreference = "online", NpsCategory = "passive" },
            Active("d") with { Stage = "wonBack", Tier = "high", PriceSensitivity = "priceDriven", Loyalty = "loyal", ChannelPreference = null, NpsCategory = null },
            Prospect("e") with { NpsCategory = "detractor" },
            Prospect("f"),
            Active("g") with { Stage = "active", Tier = "medium", PriceSensitivity = "priceDriven", Loyalty = "switcher", ChannelPreference = "store", NpsCategory = "promoter" },
        ]);

        var counts = await Store.CountCustomersAsync();

        Assert.Equal(7, counts.Total);
        Assert.Equal(new Dictionary<string, long> { ["active"] = 3, ["atRisk"] = 1, ["wonBack"] = 1, ["prospect"] = 2 }, counts.ByStage);
        Assert.Equal(new Dictionary<string, long> { ["high"] = 2, ["medium"] = 1, ["low"] = 1 }, counts.ByTier);
        Assert.Equal(3, counts.WithoutTier);

        // d has segments but no NPS and e an NPS but no segment: neither is in any segment's NPS.
        SegmentNpsCount[] expected =
        [
            new("channel", "online", "passive", 1),
            new("channel", "store", "detractor", 1),
            new("channel", "store", "promoter", 2),
            new("loyalty", "loyal", "promoter", 1),
            new("loyalty", "switcher", "detractor", 1),
            new("loyalty", "switcher", "promoter", 1),
            new("priceSensitivity", "priceDriven", "detractor", 1),
            new("priceSensitivity", "priceDriven", "promoter", 2),
            new("priceSensitivity", "valueDriven", "passive", 1),
        ];
        Assert.Equal(expected, counts.NpsBySegment
            .OrderBy(c => c.SegmentKind, StringComparer.Ordinal)
            .ThenBy(c => c.Segment, StringComparer.Ordinal)
            .ThenBy(c => c.NpsCategory, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Counts_see_each_customer_once_after_replacements_and_tier_updates()
    {
        await Store.UpsertAsync([Active("a"), Active("b"), Prospect("c")]);
        await Store.UpsertAsync([Active("a") with { Stage = "churned" }]);
        await Store.UpdateTiersAsync([new TierAssignment("b", "high"), new TierAssignment("c", "low")]);

        var counts = await Store.CountCustomersAsync();

        Assert.Equal(3, counts.Total);
        Assert.Equal(new Dictionary<string, long> { ["churned"] = 1, ["active"] = 1, ["prospect"] = 1 }, counts.ByStage);
        Assert.Equal(new Dictionary<string, long> { ["medium"] = 1, ["high"] = 1, ["low"] = 1 }, counts.ByTier);
        Assert.Equal(0, counts.WithoutTier);
    }

    [Fact]
    public async Task Counts_of_an_empty_index_are_zero()
    {
        var counts = await Store.CountCustomersAsync();

        Assert.Equal(0, counts.Total);
        Assert.Empty(counts.ByStage);
        Assert.Empty(counts.ByTier);
        Assert.Equal(0, counts.WithoutTier);
        Assert.Empty(counts.NpsBySegment);
    }

    private static string[] Ids(CustomerPage page) => [.. page.Items.Select(item => item.CustomerId)];

    // Five customers whose filter columns overlap in every way the filters can be told apart,
    // stored out of id order.
    private Task SeedFilterCustomersAsync() => Store.UpsertAsync(
    [
        Active("e") with { Stage = "atRisk", Tier = "medium", PriceSensitivity = "priceDriven", Loyalty = "switcher", ChannelPreference = "online", HomeStoreId = "s3", LastStoreId = "s2" },
        Active("c") with { Stage = "atRisk", Tier = "high", PriceSensitivity = "valueDriven", Loyalty = "multiBrandExplorer", ChannelPreference = "omnichannel", HomeStoreId = "s2", LastStoreId = "s3" },
        Active("a") with { Stage = "active", Tier = "high", PriceSensitivity = "priceDriven", Loyalty = "loyal", ChannelPreference = "store", HomeStoreId = "s1", LastStoreId = "s1" },
        Prospect("d"),
        Active("b") with { Stage = "active", Tier = "low", PriceSensitivity = "valueDriven", Loyalty = "switcher", ChannelPreference = "online", HomeStoreId = "s2", LastStoreId = "s1" },
    ]);
}
