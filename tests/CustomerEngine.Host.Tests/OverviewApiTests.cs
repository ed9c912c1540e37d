using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Engagement.Outcomes;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class OverviewApiTests
{
    [Fact]
    public async Task The_overview_counts_match_the_events_posted()
    {
        // A frozen clock makes "the last minute" and "the last ten seconds" exact.
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        await using var factory = new EngineFactory(clock: clock);
        var client = factory.CreateClient();
        var now = clock.GetUtcNow();
        var posted = 0;
        async Task PostAsync(params JsonNode[] events)
        {
            await client.IngestAsync(events);
            posted += events.Length;
        }

        // c-1 buys twice (active), c-2, c-3, c-5 and c-6 once (new), c-4 never (prospect).
        // Discounted purchases make c-1, c-3 and c-5 price-driven; c-2 and c-6 are value-driven.
        for (var i = 1; i <= 6; i++)
        {
            await PostAsync(Registered($"c-{i}", now.AddDays(-10)));
        }

        await PostAsync(Purchase("c-1", now.AddDays(-2), discount: 30m), Purchase("c-1", now.AddDays(-1), discount: 30m));
        await PostAsync(Purchase("c-2", now.AddDays(-1)), Purchase("c-3", now.AddDays(-1), discount: 30m), Purchase("c-5", now.AddDays(-1), discount: 30m), Purchase("c-6", now.AddDays(-1)));

        // Price-driven: promoters c-1 and c-5, detractor c-3: NPS 100 × (2 − 1) / 3 = 33.
        // Value-driven: passive c-2, promoter c-6: NPS 100 × (1 − 0) / 2 = 50. c-4 has no segment.
        await PostAsync(Feedback("c-1", now.AddHours(-3), nps: 10), Feedback("c-5", now.AddHours(-3), nps: 9), Feedback("c-3", now.AddHours(-3), nps: 3));
        await PostAsync(Feedback("c-2", now.AddHours(-3), nps: 8), Feedback("c-6", now.AddHours(-3), nps: 10), Feedback("c-4", now.AddHours(-3), nps: 9));

        // In stores now: c-1 in S1 and c-2 in S2; c-3 came and went.
        await PostAsync(Entered("c-1", now.AddMinutes(-5), "S1"), Entered("c-2", now.AddMinutes(-5), "S2"), Entered("c-3", now.AddMinutes(-5), "S1"));
        await PostAsync(Left("c-3", now.AddMinutes(-1), "S1"));

        // The posted events now lie in the last whole second: the ten-second rate counts them.
        clock.Advance(TimeSpan.FromSeconds(1));
        await factory.RankAsync();
        await factory.FlushIndexAsync();
        var (status, overview, _) = await client.GetJsonAsync("/api/overview");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(22, posted);
        Assert.Equal(posted, (long)overview!["eventsLastMinute"]!);
        Assert.Equal(posted / 10.0, (double)overview["eventsPerSecond"]!, precision: 6);
        Assert.Equal(posted, (long)overview["eventsPerSecondHistory"]!.AsArray()[^1]!);
        Assert.Equal(6, (long)overview["totalCustomers"]!);
        Assert.Equal(2, (long)overview["customersInStores"]!);
        Assert.Equal(
            [("S1", 1), ("S2", 1)],
            overview["stores"]!.AsArray().Select(s => ((string)s!["storeId"]!, (int)s["present"]!)));
        var lifecycle = overview["lifecycle"]!;
        Assert.Equal(
            (1, 4, 1, 0, 0, 0),
            ((long)lifecycle["prospect"]!, (long)lifecycle["new"]!, (long)lifecycle["active"]!, (long)lifecycle["atRisk"]!, (long)lifecycle["churned"]!, (long)lifecycle["wonBack"]!));

        // Five buyers: the top 20 % (1) high, the bottom 30 % (1.5, rounded to 2) low, the rest medium.
        var tiers = overview["tiers"]!;
        Assert.Equal((1, 2, 2, 1), ((long)tiers["high"]!, (long)tiers["medium"]!, (long)tiers["low"]!, (long)tiers["unranked"]!));

        var priceSegments = overview["npsBySegment"]!.AsArray()
            .Where(s => (string?)s!["segmentKind"] == "priceSensitivity")
            .Select(s => ((string)s!["segment"]!, (long)s["promoters"]!, (long)s["passives"]!, (long)s["detractors"]!, (int)s["nps"]!));
        Assert.Equal([("priceDriven", 2L, 0L, 1L, 33), ("valueDriven", 1L, 1L, 0L, 50)], priceSegments);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Acceptance_by_action_kind_comes_from_the_outcome_tally()
    {
        await using var factory = new EngineFactory();
        var tally = factory.Services.GetRequiredService<OutcomeTally>();
        for (var i = 0; i < 4; i++)
        {
            tally.Presented("crossSell");
        }

        tally.Record("crossSell", SuggestionOutcome.Accepted);
        tally.Record("crossSell", SuggestionOutcome.Dismissed);
        tally.Record("crossSell", SuggestionOutcome.Dismissed);
        tally.Record("serviceRecovery", SuggestionOutcome.Accepted);

        var (_, overview, _) = await factory.CreateClient().GetJsonAsync("/api/overview");

        var byKind = overview!["acceptance"]!.AsArray().ToDictionary(a => (string)a!["kind"]!);
        Assert.Equal((4, 1, 2), ((long)byKind["crossSell"]!["presented"]!, (long)byKind["crossSell"]!["accepted"]!, (long)byKind["crossSell"]!["dismissed"]!));
        Assert.Equal(1 / 3.0, (double)byKind["crossSell"]!["rate"]!, precision: 3);
        Assert.Equal(1.0, (double)byKind["serviceRecovery"]!["rate"]!);
        Assert.Equal(0.5, (double)overview["acceptanceRate"]!);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task An_engine_without_outcomes_reports_no_acceptance_rate()
    {
        await using var factory = new EngineFactory();

        var (_, overview, _) = await factory.CreateClient().GetJsonAsync("/api/overview");

        Assert.Empty(overview!["acceptance"]!.AsArray());
        Assert.Null(overview["acceptanceRate"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Theory]
    [InlineData("manager", HttpStatusCode.OK)]
    [InlineData("marketing", HttpStatusCode.OK)]
    [InlineData("staff-s1", HttpStatusCode.Forbidden)]
    public async Task Managers_and_marketing_see_the_overview_and_staff_do_not(string userName, HttpStatusCode expected)
    {
        await using var factory = new EngineFactory();
        var person = await factory.SignedInClientAsync(userName);

        var (status, body, contentType) = await person.GetJsonAsync("/api/overview");

        Assert.Equal(expected, status);
        if (expected == HttpStatusCode.Forbidden)
        {
            Assert.Equal("application/problem+json", contentType);
        }
        else
        {
            Assert.NotNull(body!["eventsPerSecond"]);
        }

        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_overview_page_is_served_to_a_manager_and_its_script_exists()
    {
        await using var factory = new EngineFactory();
        var manager = await factory.SignedInClientAsync("manager");

        using var page = await manager.GetAsync("/overview");
        using var script = await manager.GetAsync("/js/overview.js");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("data-testid=\"events-per-second\"", html, StringComparison.Ordinal);
        Assert.Contains("/js/overview.js", html, StringComparison.Ordinal);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }
}
