using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.Campaigns;

public sealed class CampaignApiTests
{
    [Fact]
    public async Task A_marketer_creates_a_draft_and_reads_it_back_in_the_wire_contract_with_its_id()
    {
        await using var factory = new EngineFactory();
        using var marketer = await factory.SignedInClientAsync("marketing");
        var campaign = CampaignCalls.Campaign(caps: new JsonObject { ["perCustomer"] = 1, ["perCustomerWindowDays"] = 30, ["totalPresentations"] = 10000 }, holdoutPercent: 10);

        var (status, created) = await marketer.SendAsync(HttpMethod.Post, "/api/campaigns", campaign);
        var id = (string)created!["id"]!;
        var (_, read) = await marketer.SendAsync(HttpMethod.Get, $"/api/campaigns/{id}");
        var (_, list) = await marketer.SendAsync(HttpMethod.Get, "/api/campaigns");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("draft", (string?)read!["status"]);
        Assert.Equal(1, (int)read["version"]!);
        Assert.Equal("marketing", (string?)read["createdBy"]);
        foreach (var field in new[] { "name", "offer", "audience", "trigger", "schedule", "caps", "holdoutPercent", "lever" })
        {
            // Fields may be added to the contract, never renamed: what was sent comes back under its name.
            Assert.True(Includes(read[field], campaign[field]), $"{field}: sent {campaign[field]?.ToJsonString()}, read {read[field]?.ToJsonString()}");
        }

        Assert.Contains(list!.AsArray(), c => (string?)c!["id"] == id && (string?)c["status"] == "draft");
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    private static bool Includes(JsonNode? read, JsonNode? sent) => (read, sent) switch
    {
        (JsonObject r, JsonObject o) => o.All(p => Includes(r[p.Key], p.Value)),
        _ => JsonNode.DeepEquals(read, sent),
    };

    [Fact]
    public async Task Every_change_is_versioned_and_audited_with_who_when_and_what()
    {
        await using var factory = new EngineFactory();
        using var marketer = await factory.SignedInClientAsync("marketing");
        using var admin = factory.CreateClient();
        var id = await marketer.CreateCampaignAsync(CampaignCalls.Campaign());
        var edited = CampaignCalls.Campaign(caps: new JsonObject { ["totalPresentations"] = 500 });

        var (editStatus, _) = await marketer.SendAsync(HttpMethod.Put, $"/api/campaigns/{id}", edited);
        await marketer.CommandAsync(id, "activate");
        await admin.CommandAsync(id, "pause");
        await marketer.CommandAsync(id, "activate");
        var ended = await marketer.CommandAsync(id, "end");

        var history = ended["history"]!.AsArray();
        Assert.Equal(HttpStatusCode.OK, editStatus);
        Assert.Equal(6, (int)ended["version"]!);
        Assert.Equal("ended", (string?)ended["status"]);
        Assert.Equal(["created", "edited", "activated", "paused", "activated", "ended"], history.Select(h => (string)h!["change"]!));
        Assert.Equal([1, 2, 3, 4, 5, 6], history.Select(h => (int)h!["version"]!));
        Assert.Equal(["caps"], history[1]!["fields"]!.AsArray().Select(f => (string)f!));
        Assert.Equal(500, (int)history[1]!["definition"]!["caps"]!["totalPresentations"]!);
        Assert.Equal("key:demo-admin", (string?)history[3]!["by"]);
        Assert.All(history, h => Assert.NotNull((string?)h!["at"]));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Theory]
    [InlineData("name", null, "name")]
    [InlineData("holdoutPercent", "150", "holdoutPercent")]
    [InlineData("caps", """{ "perCustomer": 0 }""", "caps.perCustomer")]
    [InlineData("caps", """{ "perCustomer": "once" }""", "caps.perCustomer")]
    [InlineData("audience", """{ "field": "lifecycle.stage", "in": ["sleeping"] }""", "audience.in[0]")]
    [InlineData("audience", """{ "all": [ { "field": "value.tierr", "equals": "high" } ] }""", "audience.all[0].field")]
    [InlineData("trigger", """{ "eventType": "purchase", "where": { "field": "items.category", "near": "tents" } }""", "trigger.where")]
    [InlineData("offer", """{ "actionId": "no-such-action" }""", "offer.actionId")]
    [InlineData("schedule", """{ "timeZone": "Atlantis/Capital" }""", "schedule.timeZone")]
    public async Task An_invalid_definition_gets_problem_json_naming_the_field(string property, string? value, string field)
    {
        await using var factory = new EngineFactory();
        using var client = factory.CreateClient();
        var campaign = CampaignCalls.Campaign();
        campaign[property] = value is null ? null : JsonNode.Parse(value);

        using var response = await client.PostAsync("/api/campaigns", new StringContent(campaign.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (string?)problem["field"]);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e!["field"] == field);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Staff_and_managers_are_refused_and_strangers_must_sign_in()
    {
        await using var factory = new EngineFactory();
        using var staff = await factory.SignedInClientAsync("staff-s1");
        using var manager = await factory.SignedInClientAsync("manager");
        using var stranger = factory.AnonymousClient();
        using var admin = factory.CreateClient();
        var id = await admin.CreateCampaignAsync(CampaignCalls.Campaign());

        var staffList = await staff.SendAsync(HttpMethod.Get, "/api/campaigns");
        var staffCreate = await staff.SendAsync(HttpMethod.Post, "/api/campaigns", CampaignCalls.Campaign());
        var staffPause = await staff.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/activate");
        var managerResults = await manager.SendAsync(HttpMethod.Get, $"/api/campaigns/{id}/results");
        var strangerList = await stranger.SendAsync(HttpMethod.Get, "/api/campaigns");
        using var staffPage = await staff.GetAsync("/marketing");

        Assert.Equal(HttpStatusCode.Forbidden, staffList.Status);
        Assert.Equal(HttpStatusCode.Forbidden, staffCreate.Status);
        Assert.Equal(HttpStatusCode.Forbidden, staffPause.Status);
        Assert.Equal(HttpStatusCode.Forbidden, managerResults.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, strangerList.Status);
        Assert.NotEqual(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.Equal("draft", (string?)(await admin.SendAsync(HttpMethod.Get, $"/api/campaigns/{id}")).Body!["status"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_marketing_user_lands_on_the_console()
    {
        await using var factory = new EngineFactory();
        using var client = factory.AnonymousClient();

        using var signIn = await client.PostSignInAsync("marketing", "demo");
        using var page = await client.GetAsync("/marketing");

        Assert.Equal("/marketing", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("data-testid=\"campaign-list\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Status_changes_follow_draft_active_paused_ended_and_the_holdout_is_fixed_once_active()
    {
        await using var factory = new EngineFactory();
        using var client = factory.CreateClient();
        var id = await client.CreateCampaignAsync(CampaignCalls.Campaign(holdoutPercent: 10));

        var pauseDraft = await client.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/pause");
        await client.CommandAsync(id, "activate");
        var activateAgain = await client.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/activate");
        var holdoutChange = await client.SendAsync(HttpMethod.Put, $"/api/campaigns/{id}", CampaignCalls.Campaign(holdoutPercent: 20));
        var otherChange = await client.SendAsync(HttpMethod.Put, $"/api/campaigns/{id}", CampaignCalls.Campaign(name: "Renamed", holdoutPercent: 10));
        await client.CommandAsync(id, "end");
        var editEnded = await client.SendAsync(HttpMethod.Put, $"/api/campaigns/{id}", CampaignCalls.Campaign(name: "Again", holdoutPercent: 10));
        var reactivate = await client.SendAsync(HttpMethod.Post, $"/api/campaigns/{id}/activate");
        var unknown = await client.SendAsync(HttpMethod.Post, "/api/campaigns/cmp-nope/pause");

        Assert.Equal(HttpStatusCode.Conflict, pauseDraft.Status);
        Assert.Equal("status", (string?)pauseDraft.Body!["field"]);
        Assert.Equal(HttpStatusCode.OK, activateAgain.Status);
        Assert.Equal(2, (int)activateAgain.Body!["version"]!);
        Assert.Equal(HttpStatusCode.BadRequest, holdoutChange.Status);
        Assert.Equal("holdoutPercent", (string?)holdoutChange.Body!["field"]);
        Assert.Equal(HttpStatusCode.OK, otherChange.Status);
        Assert.Equal(HttpStatusCode.Conflict, editEnded.Status);
        Assert.Equal(HttpStatusCode.Conflict, reactivate.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("id", (string?)unknown.Body!["field"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_audience_estimate_counts_the_customers_the_condition_matches()
    {
        await using var factory = new EngineFactory();
        using var client = factory.CreateClient();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 12; i++)
        {
            var id = $"est-{i}";
            await client.IngestAsync(Registered(id, now.AddDays(-30), homeStoreId: i < 4 ? "S2" : "S1"), Purchase(id, now.AddDays(-20 + i)));
        }

        await factory.FlushIndexAsync();
        var (status, estimate) = await client.SendAsync(HttpMethod.Post, "/api/campaigns/audience-estimate", JsonNode.Parse("""{ "audience": { "field": "homeStoreId", "equals": "S2" } }"""));
        var (badStatus, bad) = await client.SendAsync(HttpMethod.Post, "/api/campaigns/audience-estimate", JsonNode.Parse("""{ "audience": { "field": "homeStore", "equals": "S2" } }"""));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(4, (long)estimate!["estimate"]!);
        Assert.Equal(12, (long)estimate["total"]!);
        Assert.True((bool)estimate["exact"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Equal("audience.field", (string?)bad!["field"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }
}
