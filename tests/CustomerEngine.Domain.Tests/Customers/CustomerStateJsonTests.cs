using System.Text.Json;
using CustomerEngine.Domain.Customers;
using CustomerEngine.Domain.Tests.Support;

namespace CustomerEngine.Domain.Tests.Customers;

public sealed class CustomerStateJsonTests
{
    [Fact]
    public void State_round_trips_through_json_unchanged()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, CustomerRules.Default);
        var json = JsonSerializer.Serialize(state);

        var copy = JsonSerializer.Deserialize<CustomerState>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy));
        Assert.Equal(state.Lifecycle.History, copy.Lifecycle.History);
        Assert.Equal(state.Recent, copy.Recent);
        Assert.Equal(state.Consent, copy.Consent);
    }

    [Fact]
    public void Restored_state_keeps_folding_like_the_original()
    {
        var history = RealisticHistory.Build();
        var original = CustomerEvolver.Replay("c-1", history.Events, CustomerRules.Default);
        var restored = JsonSerializer.Deserialize<CustomerState>(JsonSerializer.Serialize(original))!;
        var next = history.Purchase("2026-03-01T10:00Z", 99m);

        CustomerEvolver.Apply(original, next, CustomerRules.Default);
        CustomerEvolver.Apply(restored, next, CustomerRules.Default);

        Assert.Equal(Fold.Json(original), Fold.Json(restored));
    }

    [Fact]
    public void Enumerations_are_stored_by_their_api_names()
    {
        var history = new History();
        var state = Fold.Apply(history.Purchase("2025-01-15"));
        CustomerEvolver.AdvanceTo(state, Time.At("2025-04-01"), CustomerRules.Default);

        var json = JsonSerializer.Serialize(state);

        Assert.Contains("\"Stage\":\"atRisk\"", json);
        Assert.Contains("\"Channel\":\"store\"", json);
        Assert.Contains("\"Kind\":\"individual\"", json);
    }

    [Fact]
    public void Restored_recent_list_holds_no_idle_slots()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, CustomerRules.Default);

        var copy = JsonSerializer.Deserialize<CustomerState>(JsonSerializer.Serialize(state))!;

        Assert.Equal(copy.Recent.Count, copy.Recent.Capacity);
    }

    [Fact]
    public void Restored_recent_interactions_share_type_names_and_store_ids_instead_of_copying_them()
    {
        var state = CustomerEvolver.Replay("c-1", RealisticHistory.Build().Events, CustomerRules.Default);

        var copy = JsonSerializer.Deserialize<CustomerState>(JsonSerializer.Serialize(state))!;

        Assert.All(copy.Recent, r => Assert.Same(string.IsInterned(r.Type), r.Type));
        Assert.All(copy.Recent.Where(r => r.StoreId == "s-1"), r => Assert.Same(copy.HomeStoreId, r.StoreId));
        Assert.All(copy.Recent.Where(r => r.Summary == "entered store"), r => Assert.Same(string.IsInterned(r.Summary), r.Summary));
    }
}
