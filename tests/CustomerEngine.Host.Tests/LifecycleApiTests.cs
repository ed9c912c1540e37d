using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class LifecycleApiTests
{
    [Fact]
    public async Task A_customer_moves_to_at_risk_and_churned_with_no_new_event_as_the_clock_passes()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var factory = new EngineFactory(clock: clock);
        var client = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var lastPurchase = clock.GetUtcNow().AddDays(-5);
        await client.IngestAsync(Purchase(id, clock.GetUtcNow().AddDays(-20)), Purchase(id, lastPurchase));
        Assert.Equal("active", (string?)(await client.CustomerAsync(id))["lifecycle"]!["stage"]);

        clock.Advance(TimeSpan.FromDays(56));
        var atRisk = (await client.CustomerAsync(id))["lifecycle"]!;
        await WaitForListedStageAsync(client, clock, id, "atRisk");

        clock.Advance(TimeSpan.FromDays(130));
        var churned = (await client.CustomerAsync(id))["lifecycle"]!;
        await WaitForListedStageAsync(client, clock, id, "churned");

        Assert.Equal("atRisk", (string?)atRisk["stage"]);
        Assert.Equal(lastPurchase.AddDays(60), (DateTimeOffset)atRisk["since"]!);
        Assert.Equal("churned", (string?)churned["stage"]);
        var last = churned["history"]!.AsArray()[^1]!;
        Assert.Equal("atRisk", (string?)last["from"]);
        Assert.Equal(lastPurchase.AddDays(180), (DateTimeOffset)last["at"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)last["reason"]));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Replaying_last_years_events_gives_last_years_stages_at_their_own_times()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var jan10 = new DateTimeOffset(2025, 1, 10, 15, 0, 0, TimeSpan.Zero);
        var feb1 = new DateTimeOffset(2025, 2, 1, 15, 0, 0, TimeSpan.Zero);
        var sep15 = new DateTimeOffset(2025, 9, 15, 15, 0, 0, TimeSpan.Zero);
        var oct1 = new DateTimeOffset(2025, 10, 1, 15, 0, 0, TimeSpan.Zero);
        await client.IngestAsync(Registered(id, jan10.AddDays(-3)), Purchase(id, jan10), Purchase(id, feb1), Purchase(id, sep15), Purchase(id, oct1));

        var history = (await client.CustomerAsync(id))["lifecycle"]!["history"]!.AsArray()
            .Select(t => ((string?)t!["to"], (DateTimeOffset)t["at"]!)).ToList();

        Assert.Equal(
            [
                ("new", jan10),
                ("active", feb1),
                ("atRisk", feb1.AddDays(60)),
                ("churned", feb1.AddDays(180)),
                ("wonBack", sep15),
                ("active", oct1),
                ("atRisk", oct1.AddDays(60)),
                ("churned", oct1.AddDays(180)),
            ],
            history);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_prospect_becomes_new_on_the_first_purchase_and_active_on_a_repeat_within_the_window()
    {
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await client.IngestAsync(Registered(id, now.AddDays(-30)));
        var prospect = (string?)(await client.CustomerAsync(id))["lifecycle"]!["stage"];
        await client.IngestAsync(Purchase(id, now.AddDays(-20)));
        var fresh = (string?)(await client.CustomerAsync(id))["lifecycle"]!["stage"];
        await client.IngestAsync(Purchase(id, now.AddDays(-1)));
        var active = (string?)(await client.CustomerAsync(id))["lifecycle"]!["stage"];

        Assert.Equal(("prospect", "new", "active"), (prospect, fresh, active));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    private static async Task WaitForListedStageAsync(HttpClient client, ManualTimeProvider clock, string id, string stage)
    {
        // The list reads the index, which the sweep reminder updates in the background. The clock
        // keeps moving a minute per attempt, as it would for real: a sweep still finishing when the
        // test jumped the clock reschedules itself one period after the jump, and needs time to pass.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var (_, body, _) = await client.GetJsonAsync($"/api/customers?stage={stage}&pageSize=500");
            if (body!["items"]!.AsArray().Any(i => (string?)i!["customerId"] == id))
            {
                return;
            }

            await Task.Delay(100);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Fail($"{id} never appeared in the list as {stage}");
    }
}
