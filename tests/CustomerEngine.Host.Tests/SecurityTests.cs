using System.Net;
using CustomerEngine.Host.Security;
using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task Every_endpoint_names_its_authorization_policy()
    {
        await using var factory = new EngineFactory();
        _ = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(endpoints);

        var unnamed = endpoints
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(unnamed.Count == 0, $"endpoints without a named policy: {string.Join(", ", unnamed)}");
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Posting_events_without_a_key_or_sign_in_is_a_401_problem_naming_the_header()
    {
        await using var factory = new EngineFactory();
        var client = factory.AnonymousClient();

        var (status, body, contentType) = await client.PostEventsAsync(Purchase($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("X-Api-Key", (string?)body!["field"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_and_stores_nothing()
    {
        await using var factory = new EngineFactory();
        var intruder = factory.AnonymousClient();
        intruder.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key");
        var id = $"c-{Guid.NewGuid():N}";

        var (status, _, _) = await intruder.PostEventsAsync(Purchase(id, DateTimeOffset.UtcNow));
        var (lookup, _, _) = await factory.CreateClient().GetJsonAsync($"/api/customers/{id}");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.NotFound, lookup);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task The_ingest_key_posts_events_but_may_not_read_customers()
    {
        await using var factory = new EngineFactory();
        var machine = factory.AnonymousClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", DemoCredentials.IngestKey);
        var id = $"c-{Guid.NewGuid():N}";

        var (posted, _, _) = await machine.PostEventsAsync(Purchase(id, DateTimeOffset.UtcNow));
        var (read, body, contentType) = await machine.GetJsonAsync($"/api/customers/{id}");

        Assert.Equal(HttpStatusCode.Accepted, posted);
        Assert.Equal(HttpStatusCode.Forbidden, read);
        Assert.Equal("application/problem+json", contentType);
        Assert.NotNull(body!["field"]);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Staff_sign_in_and_see_their_own_store_but_not_another()
    {
        await using var factory = new EngineFactory();
        var staff = await factory.SignedInClientAsync("staff-s1");

        var (me, body, _) = await staff.GetJsonAsync("/api/me");
        var (own, _, _) = await staff.GetJsonAsync("/api/stores/S1/presence");
        var (other, problem, _) = await staff.GetJsonAsync("/api/stores/S2/presence");
        var (posting, _, _) = await staff.PostEventsAsync(Purchase($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, me);
        Assert.Equal(["S1"], body!["stores"]!.AsArray().Select(s => (string?)s));
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.Forbidden, other);
        Assert.Equal("storeId", (string?)problem!["field"]);
        Assert.Equal(HttpStatusCode.Forbidden, posting);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Staff_see_customers_of_their_store_only()
    {
        await using var factory = new EngineFactory();
        var admin = factory.CreateClient();
        var ours = $"c-{Guid.NewGuid():N}";
        var theirs = $"c-{Guid.NewGuid():N}";
        await admin.IngestAsync(Registered(ours, DateTimeOffset.UtcNow.AddDays(-1), homeStoreId: "S1"), Registered(theirs, DateTimeOffset.UtcNow.AddDays(-1), homeStoreId: "S2"));
        var staff = await factory.SignedInClientAsync("staff-s1");

        var (visible, _, _) = await staff.GetJsonAsync($"/api/customers/{ours}");
        var (hidden, _, _) = await staff.GetJsonAsync($"/api/customers/{theirs}");
        var (wholeList, _, _) = await staff.GetJsonAsync("/api/customers");

        Assert.Equal(HttpStatusCode.OK, visible);
        Assert.Equal(HttpStatusCode.Forbidden, hidden);
        Assert.Equal(HttpStatusCode.Forbidden, wholeList);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_form_again_with_an_error_and_no_session()
    {
        await using var factory = new EngineFactory();
        var client = factory.AnonymousClient();

        using var response = await client.PostSignInAsync("manager", "wrong");
        var page = await response.Content.ReadAsStringAsync();
        var (me, _, _) = await client.GetJsonAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong user name or password", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, me);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task Signing_in_sends_each_role_to_its_page_and_pages_send_strangers_to_sign_in()
    {
        await using var factory = new EngineFactory();
        var client = factory.AnonymousClient();

        using var stranger = await client.GetAsync("/");
        using var staff = await factory.AnonymousClient().PostSignInAsync("staff-s2", "demo");
        using var manager = await factory.AnonymousClient().PostSignInAsync("manager", "demo");
        using var marketing = await factory.AnonymousClient().PostSignInAsync("marketing", "demo");
        using var returning = await factory.AnonymousClient().PostSignInAsync("manager", "demo", returnUrl: "/staff?customer=c-1");
        using var offsite = await factory.AnonymousClient().PostSignInAsync("manager", "demo", returnUrl: "//evil.example/");

        Assert.Equal("/signin", stranger.Headers.Location?.OriginalString);
        Assert.Equal("/staff", staff.Headers.Location?.OriginalString);
        Assert.Equal("/overview", manager.Headers.Location?.OriginalString);
        Assert.Equal("/marketing", marketing.Headers.Location?.OriginalString);
        Assert.Equal("/staff?customer=c-1", returning.Headers.Location?.OriginalString);
        Assert.Equal("/overview", offsite.Headers.Location?.OriginalString);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_production_engine_refuses_to_start_without_users()
    {
        await using var factory = new EngineFactory();
        await using var production = factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var failure = Record.Exception(() => production.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("No user is configured", Flatten(failure), StringComparison.Ordinal);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_production_engine_refuses_to_start_with_a_demo_password()
    {
        await using var factory = new EngineFactory();
        await using var production = factory.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Security:Users:0:UserName", "boss")
            .UseSetting("Security:Users:0:PasswordHash", SecretHash.Create("demo", iterations: 1_000))
            .UseSetting("Security:Users:0:Roles:0", "admin"));

        var failure = Record.Exception(() => production.CreateClient());

        Assert.NotNull(failure);
        Assert.Contains("public demo credentials", Flatten(failure), StringComparison.Ordinal);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_production_engine_with_its_own_users_and_keys_accepts_them_and_not_the_demo_key()
    {
        await using var factory = new EngineFactory();
        await using var production = factory.WithWebHostBuilder(b => b
            .UseEnvironment("Production")
            .UseSetting("Security:Users:0:UserName", "boss")
            .UseSetting("Security:Users:0:PasswordHash", SecretHash.Create("s3cret-Pa55", iterations: 1_000))
            .UseSetting("Security:Users:0:Roles:0", "admin")
            .UseSetting("Security:ApiKeys:0:Name", "pos-feed")
            .UseSetting("Security:ApiKeys:0:KeyHash", SecretHash.Create("k-7f3a9c2e", iterations: 1_000))
            .UseSetting("Security:ApiKeys:0:Role", "ingest"));
        var demo = production.CreateClient();
        var feed = production.CreateClient();
        feed.DefaultRequestHeaders.Remove("X-Api-Key");
        feed.DefaultRequestHeaders.Add("X-Api-Key", "k-7f3a9c2e");

        var (refused, _, _) = await demo.PostEventsAsync(Purchase($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow));
        var (accepted, _, _) = await feed.PostEventsAsync(Purchase($"c-{Guid.NewGuid():N}", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Unauthorized, refused);
        Assert.Equal(HttpStatusCode.Accepted, accepted);
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public void Secret_hashes_verify_only_the_secret_they_were_made_from()
    {
        var hash = SecretHash.Create("correct horse", iterations: 1_000);

        Assert.True(SecretHash.Verify("correct horse", hash));
        Assert.False(SecretHash.Verify("correct horsE", hash));
        Assert.False(SecretHash.Verify("correct horse", hash.Replace("$1000$", "$1001$", StringComparison.Ordinal)));
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.NotEqual(hash, SecretHash.Create("correct horse", iterations: 1_000));
    }

    private static string Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : exception.InnerException is { } inner ? $"{exception.Message} | {Flatten(inner)}" : exception.Message;
}
