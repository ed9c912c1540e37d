using System.Text.Json.Nodes;
using CustomerEngine.Engagement.Candidates;
using CustomerEngine.Engagement.Handlers;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Samples.BirthdayWeek.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Samples.BirthdayWeek.Tests;

/// <summary>What a plug-in that throws costs: its own contribution, logged, and nothing else.</summary>
public sealed class FaultyPlugInTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_plug_in_that_throws_is_logged_and_skipped_while_the_customer_and_the_other_plug_ins_carry_on()
    {
        await using var engine = new PluginEngineFactory(Now, services => services
            .AddEngagementBehavior<AlwaysThrowingHandler>()
            .AddEngagementBehavior<AlwaysThrowingProvider>()
            .AddBirthdayWeek());
        var client = engine.CreateClient();
        var id = $"c-{Guid.NewGuid():N}";

        await client.IngestAsync(
            Api.Registered(id, Now.AddDays(-40), new JsonObject { ["birthday"] = "06-01" }),
            Api.Purchase(id, Now.AddDays(-2)),
            Api.Entered(id, Now.AddMinutes(-2)));
        var customer = await client.GetJsonAsync($"/api/customers/{id}");
        var suggestions = (await client.GetJsonAsync($"/api/customers/{id}/suggestions")).AsArray();

        // Every event is applied: the 360 view has the registration, the purchase and the visit.
        Assert.Equal("Ada Lovelace", (string?)customer["name"]);
        Assert.Equal(1, (int)customer["stats"]!["purchases"]!);
        Assert.Equal(1, (int)customer["stats"]!["visits"]!);
        Assert.Equal("new", (string?)customer["lifecycle"]!["stage"]);

        // The throwing handler's request is dropped whole; the well-behaved handler's attribute is
        // there, and the built-in providers still suggest.
        Assert.Null(customer["attributes"]!["halfDone"]);
        Assert.Equal("06-01", (string?)customer["attributes"]!["birthdayMonthDay"]);
        Assert.NotEmpty(suggestions);

        // Both failures are logged as errors naming the plug-in and the customer, with the exception.
        var failures = engine.Logs.Entries.Where(e => e.Level == LogLevel.Error && e.Message.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Contains(failures, e => e.Message.Contains(AlwaysThrowingHandler.HandlerName, StringComparison.Ordinal) && e.Exception is InvalidOperationException);
        Assert.Contains(failures, e => e.Message.Contains(AlwaysThrowingProvider.ProviderName, StringComparison.Ordinal) && e.Exception is InvalidOperationException);
    }

    private sealed class AlwaysThrowingHandler : IEngagementEventHandler
    {
        public const string HandlerName = "test.alwaysThrowingHandler";

        public string Name => HandlerName;

        public void OnEventApplied(EngagementEventContext context)
        {
            context.SetAttribute("halfDone", "yes");
            throw new InvalidOperationException("handler bug");
        }
    }

    private sealed class AlwaysThrowingProvider : ICandidateActionProvider
    {
        public const string ProviderName = "test.alwaysThrowingProvider";

        public string Name => ProviderName;

        public IEnumerable<ActionCandidate> Propose(EngagementContext context) => throw new InvalidOperationException("provider bug");
    }
}
