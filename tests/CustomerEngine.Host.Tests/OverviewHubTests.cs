using System.Text.Json;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.HubClient;
using static CustomerEngine.Host.Tests.Support.EngagementHubConnections;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class OverviewHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_manager_who_joined_the_overview_receives_updates_that_include_posted_events()
    {
        await using var factory = new EngineFactory();
        await using var overview = await factory.ConnectToEngagementHubAsync(cookie: await factory.SignInCookieAsync("manager"));
        await overview.InvokeAsync("JoinOverview");

        var now = DateTimeOffset.UtcNow;
        await factory.CreateClient().IngestAsync(Registered("visitor", now.AddDays(-1)), Entered("visitor", now.AddMinutes(-1), "S7"));
        await factory.FlushIndexAsync();

        var update = await overview.WaitForAsync("OverviewUpdated", a => InStore(a[0], "S7") == 1 && a[0].GetProperty("totalCustomers").GetInt64() == 1, Patience);
        Assert.Equal(1, update[0].GetProperty("customersInStores").GetInt64());
        Assert.Equal(1, update[0].GetProperty("lifecycle").GetProperty("prospect").GetInt64());
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Staff_may_not_join_the_overview()
    {
        await using var factory = new EngineFactory();
        await using var staff = await factory.ConnectToEngagementHubAsync(cookie: await factory.SignInCookieAsync("staff-s1"));

        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => staff.InvokeAsync("JoinOverview"));

        Assert.Contains("managers", refused.Message, StringComparison.Ordinal);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    private static int InStore(JsonElement snapshot, string storeId) =>
        snapshot.GetProperty("stores").EnumerateArray()
            .Where(s => s.GetProperty("storeId").GetString() == storeId)
            .Select(s => s.GetProperty("present").GetInt32())
            .FirstOrDefault();
}
