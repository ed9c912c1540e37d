using System.Text.Json.Nodes;
using CustomerEngine.Samples.BirthdayWeek.Tests.Support;

namespace CustomerEngine.Samples.BirthdayWeek.Tests;

/// <summary>The plug-in in the real engine: registered with one call, reached through the public HTTP API.</summary>
public sealed class BirthdayWeekEndToEndTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_customer_whose_birthday_is_tomorrow_is_offered_the_treat_on_walking_in()
    {
        await using var engine = new PluginEngineFactory(Now, services => services.AddBirthdayWeek());
        var client = engine.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";

        await client.IngestAsync(
            Api.Registered(id, Now.AddDays(-40), new JsonObject { ["birthday"] = "1990-11-24" }),
            Api.Entered(id, Now.AddMinutes(-2)));
        var suggestions = (await client.GetJsonAsync($"/api/customers/{id}/suggestions")).AsArray();
        var customer = await client.GetJsonAsync($"/api/customers/{id}");

        var treat = Assert.Single(suggestions, s => (string?)s!["actionId"] == "birthday-week-treat")!;
        Assert.Equal("birthdayTreat", (string?)treat["kind"]);
        Assert.Equal("Wish Ada Lovelace a happy birthday and offer the birthday treat", (string?)treat["title"]);
        Assert.Equal("Birthday on 24 Nov (in 1 day)", (string?)treat["reasons"]![0]);
        Assert.Equal(2.0, (double)treat["factors"]!["contextWeight"]!);
        Assert.Equal("11-24", (string?)customer["attributes"]!["birthdayMonthDay"]);
        Assert.DoesNotContain(engine.Logs.Entries, e => e.Message.Contains("plug-in", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_customer_whose_birthday_is_weeks_away_is_not_offered_the_treat()
    {
        await using var engine = new PluginEngineFactory(Now, services => services.AddBirthdayWeek());
        var client = engine.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";

        await client.IngestAsync(
            Api.Registered(id, Now.AddDays(-40), new JsonObject { ["birthday"] = "03-14" }),
            Api.Entered(id, Now.AddMinutes(-2)));
        var suggestions = (await client.GetJsonAsync($"/api/customers/{id}/suggestions")).AsArray();
        var customer = await client.GetJsonAsync($"/api/customers/{id}");

        Assert.DoesNotContain(suggestions, s => (string?)s!["kind"] == "birthdayTreat");
        Assert.Equal("03-14", (string?)customer["attributes"]!["birthdayMonthDay"]);
    }
}
