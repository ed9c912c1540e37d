using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class PresenceApiTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    private readonly HttpClient _client = engine.Client;

    [Fact]
    public async Task A_customer_who_enters_is_present_with_a_summary_until_leaving()
    {
        var store = $"S-{Guid.NewGuid():N}";
        var stays = $"c-{Guid.NewGuid():N}";
        var goes = $"c-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        await _client.IngestAsync(Registered(stays, now.AddDays(-1), name: "Stays"), Entered(stays, now.AddMinutes(-10), store), Entered(goes, now.AddMinutes(-9), store));
        var both = await PresentAsync(store);

        await _client.IngestAsync(Left(goes, now.AddMinutes(-1), store));
        var one = await PresentAsync(store);

        Assert.Equal(new[] { goes, stays }.Order(StringComparer.Ordinal), both.Order(StringComparer.Ordinal));
        Assert.Equal([stays], one);
        var (_, body, _) = await _client.GetJsonAsync($"/api/stores/{store}/presence");
        Assert.Equal("Stays", (string?)body!["customers"]![0]!["customer"]!["name"]);
        Assert.Equal(1, (int)body["count"]!);
    }

    [Fact]
    public async Task A_visit_older_than_the_presence_timeout_does_not_count_as_present()
    {
        var store = $"S-{Guid.NewGuid():N}";
        await _client.IngestAsync(Entered($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(-3), store));

        Assert.Empty(await PresentAsync(store));
    }

    private async Task<List<string>> PresentAsync(string store)
    {
        var (_, body, _) = await _client.GetJsonAsync($"/api/stores/{store}/presence");
        return [.. body!["customers"]!.AsArray().Select(c => (string)c!["customerId"]!)];
    }
}
