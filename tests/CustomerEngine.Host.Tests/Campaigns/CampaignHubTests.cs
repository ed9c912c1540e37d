using System.Text.Json;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.HubClient;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.Campaigns;

public sealed class CampaignHubTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_marketer_who_joined_a_campaign_gets_its_results_and_then_every_change()
    {
        await using var factory = new EngineFactory();
        using var client = factory.CreateClient();
        var now = DateTimeOffset.UtcNow;
        await client.IngestAsync(Registered("camper", now.AddDays(-10)));
        var id = await client.StartCampaignAsync(CampaignCalls.Campaign());
        await using var console = await factory.ConnectToEngagementHubAsync(cookie: await factory.SignInCookieAsync("marketing"));

        await console.InvokeAsync("JoinCampaign", id);
        var initial = await console.WaitForAsync("CampaignResultsUpdated", a => Presented(a) == 0, Patience);
        await client.IngestAsync(Purchase("camper", now.AddMinutes(-1)));
        var updated = await console.WaitForAsync("CampaignResultsUpdated", a => Presented(a) == 1, Patience);

        Assert.Equal(id, initial[0].GetProperty("campaignId").GetString());
        Assert.Equal("active", updated[0].GetProperty("status").GetString());
        Assert.Equal(1, updated[0].GetProperty("treatment").GetProperty("triggered").GetInt64());
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Staff_may_not_watch_a_campaign()
    {
        await using var factory = new EngineFactory();
        var id = await factory.CreateClient().CreateCampaignAsync(CampaignCalls.Campaign());
        await using var staff = await factory.ConnectToEngagementHubAsync(cookie: await factory.SignInCookieAsync("staff-s1"));

        var refused = await Assert.ThrowsAsync<HubInvocationException>(() => staff.InvokeAsync("JoinCampaign", id));

        Assert.Contains("marketing", refused.Message, StringComparison.Ordinal);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    private static long Presented(JsonElement arguments) => arguments[0].GetProperty("treatment").GetProperty("presented").GetInt64();
}
