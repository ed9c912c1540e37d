using CustomerEngine.Grains.Campaigns;

namespace CustomerEngine.Grains.Tests.Campaigns;

/// <summary>Stored campaign results only ever move forward, whichever save arrives last.</summary>
public sealed class CampaignResultsSaveTests
{
    [Fact]
    public async Task Results_read_earlier_never_replace_results_read_later()
    {
        await using var engine = await EngineHost.StartAsync();
        var grain = engine.Grains.GetGrain<ICampaignGrain>("spring-sale");
        await grain.SaveResultsAsync(Results(changes: 7, "c-kept"));
        await grain.SaveResultsAsync(Results(changes: 5, "c-kept", "c-erased"));
        var stored = await grain.GetResultsAsync();
        await grain.SaveResultsAsync(Results(changes: 9, "c-kept", "c-new"));
        var replaced = await grain.GetResultsAsync();

        Assert.Equal(7, stored!.Changes);
        Assert.Equal(["c-kept"], stored.Customers.Select(c => c.CustomerId));
        Assert.Equal(9, replaced!.Changes);
        Assert.Equal(["c-kept", "c-new"], replaced.Customers.Select(c => c.CustomerId));
        engine.DeleteDatabase();
    }

    private static CampaignResultsState Results(long changes, params string[] customers) => new()
    {
        Changes = changes,
        Customers = [.. customers.Select(id => new CampaignCustomerState { CustomerId = id, Eligible = true })],
    };
}
