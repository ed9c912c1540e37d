using CustomerEngine.Host.Hubs;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.HubClient;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.EngagementHubConnections;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class EngagementHubTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly HttpClient _client = engine.Client;

    [Fact]
    public async Task A_store_dashboard_sees_a_customer_arrive_and_leave()
    {
        var store = NewStore();
        var customer = NewCustomer();
        await using var dashboard = await engine.Factory.ConnectToEngagementHubAsync();
        await dashboard.InvokeAsync("JoinStore", store);

        await _client.IngestAsync(Registered(customer, DateTimeOffset.UtcNow.AddDays(-1), name: "Grace"), Entered(customer, DateTimeOffset.UtcNow.AddMinutes(-1), store));
        var arrived = await dashboard.WaitForAsync("CustomerArrived", a => CustomerOf(a) == customer, Patience);
        await _client.IngestAsync(Left(customer, DateTimeOffset.UtcNow, store));
        await dashboard.WaitForAsync("CustomerLeft", a => CustomerOf(a) == customer, Patience);

        Assert.Equal("Grace", arrived[0].GetProperty("name").GetString());
        Assert.Equal(store, arrived[0].GetProperty("lastStoreId").GetString());
    }

    [Fact]
    public async Task A_dashboard_of_another_store_does_not_see_the_arrival()
    {
        var (here, there) = (NewStore(), NewStore());
        var (arriving, marker) = (NewCustomer(), NewCustomer());
        await using var hereDashboard = await engine.Factory.ConnectToEngagementHubAsync();
        await using var thereDashboard = await engine.Factory.ConnectToEngagementHubAsync();
        await hereDashboard.InvokeAsync("JoinStore", here);
        await thereDashboard.InvokeAsync("JoinStore", there);

        await _client.IngestAsync(Entered(arriving, DateTimeOffset.UtcNow, here));
        await hereDashboard.WaitForAsync("CustomerArrived", a => CustomerOf(a) == arriving, Patience);

        // Pushes leave in order, so once the later arrival is in, an earlier one would be too.
        await _client.IngestAsync(Entered(marker, DateTimeOffset.UtcNow, there));
        await thereDashboard.WaitForAsync("CustomerArrived", a => CustomerOf(a) == marker, Patience);

        Assert.DoesNotContain(thereDashboard.Received(), m => CustomerOf(m.Arguments) == arriving);
    }

    [Fact]
    public async Task A_dashboard_joining_late_receives_the_customers_already_present()
    {
        var store = NewStore();
        var (first, second, gone) = (NewCustomer(), NewCustomer(), NewCustomer());
        var now = DateTimeOffset.UtcNow;
        await _client.IngestAsync(Entered(first, now.AddMinutes(-3), store), Entered(second, now.AddMinutes(-2), store), Entered(gone, now.AddMinutes(-2), store));
        await _client.IngestAsync(Left(gone, now.AddMinutes(-1), store));
        await engine.Factory.FlushPushesAsync();

        await using var dashboard = await engine.Factory.ConnectToEngagementHubAsync();
        await dashboard.InvokeAsync("JoinStore", store);

        // The hub sends the present customers before it completes the join.
        var listed = dashboard.Received("CustomerArrived").Select(m => CustomerOf(m.Arguments)).ToHashSet();
        Assert.Equal(new[] { first, second }.ToHashSet(), listed);
    }

    [Fact]
    public async Task Staff_of_one_store_cannot_join_another_and_hear_nothing_from_it()
    {
        var (ownCustomer, otherCustomer) = (NewCustomer(), NewCustomer());
        await using var staff = await engine.Factory.ConnectToEngagementHubAsync(cookie: await engine.Factory.SignInCookieAsync("staff-s1"));

        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => staff.InvokeAsync("JoinStore", "S2"));
        await staff.InvokeAsync("JoinStore", "S1");
        await _client.IngestAsync(Entered(otherCustomer, DateTimeOffset.UtcNow, "S2"));
        await _client.IngestAsync(Entered(ownCustomer, DateTimeOffset.UtcNow, "S1"));
        await staff.WaitForAsync("CustomerArrived", a => CustomerOf(a) == ownCustomer, Patience);

        Assert.Contains("S2", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(staff.Received(), m => CustomerOf(m.Arguments) == otherCustomer);
    }

    [Fact]
    public async Task Staff_may_watch_only_customers_present_in_or_homed_at_their_stores()
    {
        var (homed, present, elsewhere) = (NewCustomer(), NewCustomer(), NewCustomer());
        var now = DateTimeOffset.UtcNow;
        await _client.IngestAsync(
            Registered(homed, now.AddDays(-3), homeStoreId: "S1"),
            Registered(present, now.AddDays(-3), homeStoreId: "S2"),
            Entered(present, now.AddMinutes(-1), "S1"),
            Registered(elsewhere, now.AddDays(-3), homeStoreId: "S2"));
        await using var staff = await engine.Factory.ConnectToEngagementHubAsync(cookie: await engine.Factory.SignInCookieAsync("staff-s1"));

        await staff.InvokeAsync("WatchCustomer", homed);
        await staff.InvokeAsync("WatchCustomer", present);
        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => staff.InvokeAsync("WatchCustomer", elsewhere));

        Assert.Contains(elsewhere, refused.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { homed, present }.ToHashSet(), staff.Received("CustomerUpdated").Select(m => CustomerOf(m.Arguments)).ToHashSet());
    }

    [Fact]
    public async Task A_watcher_hears_a_customers_summary_change_wherever_they_are()
    {
        var customer = NewCustomer();
        await using var watcher = await engine.Factory.ConnectToEngagementHubAsync();
        await watcher.InvokeAsync("WatchCustomer", customer);

        await _client.IngestAsync(Registered(customer, DateTimeOffset.UtcNow.AddDays(-1), name: "Before"));
        await _client.IngestAsync(Event("customer.registered", customer, DateTimeOffset.UtcNow, new() { ["name"] = "After", ["kind"] = "individual" }, channel: "online"));

        await watcher.WaitForAsync("CustomerUpdated", a => a[0].GetProperty("name").GetString() == "After", Patience);
    }

    [Theory]
    [InlineData("AcceptSuggestion", new object?[] { "not-a-suggestion" })]
    [InlineData("DismissSuggestion", new object?[] { "not-a-suggestion", "customer in a hurry" })]
    public async Task An_outcome_for_an_unknown_suggestion_id_is_refused_with_a_clear_error(string method, object?[] arguments)
    {
        await using var dashboard = await engine.Factory.ConnectToEngagementHubAsync();

        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => dashboard.InvokeAsync(method, arguments));

        Assert.Contains("Unknown suggestion id 'not-a-suggestion'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_credentials()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => engine.Factory.ConnectToEngagementHubAsync(apiKey: null));
    }

    [Fact]
    public async Task A_customer_who_times_out_without_leaving_leaves_the_store_dashboards()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var clocked = new EngineFactory(clock: clock);
        var client = clocked.CreateClient();
        var (store, customer) = ($"S-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        await client.IngestAsync(Entered(customer, clock.GetUtcNow(), store));
        await clocked.FlushPushesAsync();
        await using var dashboard = await clocked.ConnectToEngagementHubAsync();
        await dashboard.InvokeAsync("JoinStore", store);
        Assert.Single(dashboard.Received("CustomerArrived"));

        clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(2));

        await dashboard.WaitForAsync("CustomerLeft", a => CustomerOf(a) == customer, Patience);
        EngineFactory.DeleteDatabase(clocked.DatabasePath);
    }

    private static string NewStore() => $"S-{Guid.NewGuid():N}";

    private static string NewCustomer() => $"c-{Guid.NewGuid():N}";
}
