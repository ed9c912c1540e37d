using System.Text.Json;
using CustomerEngine.Domain.Events;
using CustomerEngine.Domain.Lifecycle;
using CustomerEngine.Domain.Segments;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Host.Hubs;
using CustomerEngine.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.EngagementHubConnections;

namespace CustomerEngine.Host.Tests;

/// <summary>The coalescing publisher, driven directly and observed through a real hub connection.</summary>
public sealed class EngagementPushTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly EngineFactory _engine = new();
    private WebApplicationFactory<Program> _factory = null!;
    private SignalREngagementPublisher _publisher = null!;

    public Task InitializeAsync()
    {
        // An interval longer than any test: after the first send, only the test's own flushes send.
        _factory = _engine.WithWebHostBuilder(b => b.UseSetting("Engagement:Push:FlushInterval", "01:00:00"));
        _publisher = _factory.Services.GetRequiredService<SignalREngagementPublisher>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _engine.DisposeAsync();
        EngineFactory.DeleteDatabase(_engine.DatabasePath);
    }

    [Fact]
    public async Task A_burst_for_one_customer_reaches_a_watcher_as_one_message_per_flush_carrying_the_latest_state()
    {
        var customer = $"c-{Guid.NewGuid():N}";
        await using var watcher = await _factory.ConnectToEngagementHubAsync();
        await watcher.InvokeAsync("WatchCustomer", customer);

        for (var i = 0; i < 100; i++)
        {
            _publisher.SuggestionsUpdated(customer, null, [SuggestionTitled(customer, $"#{i}")]);
            _publisher.CustomerUpdated(null, Summary(customer, $"#{i}"));
        }

        await _publisher.FlushAsync();
        await watcher.WaitForAsync("SuggestionsUpdated", a => Title(a) == "#99", Patience);
        await watcher.WaitForAsync("CustomerUpdated", a => a[0].GetProperty("name").GetString() == "#99", Patience);

        // At most two flushes ran: the loop's first (it sends at once when idle) and the test's.
        var suggestions = watcher.Received("SuggestionsUpdated");
        var summaries = watcher.Received("CustomerUpdated");
        Assert.InRange(suggestions.Count, 1, 2);
        Assert.InRange(summaries.Count, 1, 2);
        Assert.Equal("#99", Title(suggestions[^1].Arguments));
        Assert.Equal(customer, suggestions[^1].Arguments[0].GetString());
    }

    [Fact]
    public async Task Arrivals_and_departures_are_never_coalesced_and_keep_their_order()
    {
        var store = $"S-{Guid.NewGuid():N}";
        var (first, second) = ($"c-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");
        await using var dashboard = await _factory.ConnectToEngagementHubAsync();
        await dashboard.InvokeAsync("JoinStore", store);

        _publisher.CustomerArrived(store, Summary(first, "first"));
        _publisher.CustomerArrived(store, Summary(second, "second"));
        _publisher.CustomerLeft(store, first);
        _publisher.CustomerArrived(store, Summary(first, "first again"));
        _publisher.CustomerLeft(store, second);
        await _publisher.FlushAsync();
        await dashboard.WaitForAsync("CustomerLeft", a => CustomerOf(a) == second, Patience);

        var sequence = dashboard.Received().Select(m => $"{m.Target} {CustomerOf(m.Arguments)}");
        Assert.Equal(
            [$"CustomerArrived {first}", $"CustomerArrived {second}", $"CustomerLeft {first}", $"CustomerArrived {first}", $"CustomerLeft {second}"],
            sequence);
    }

    [Fact]
    public async Task Changes_no_dashboard_listens_to_are_not_sent_until_one_watches()
    {
        using var recorder = new MeasurementRecorder([EngagementPushInstruments.MeterName]);
        var meters = _factory.Services.GetRequiredService<IMeterFactory>();
        int Sent(string message) => recorder.Of("engagement.push.sent").Count(m => ReferenceEquals(m.Instrument.Meter.Scope, meters) && Equals(m.Tags["message"], message));
        var (store, customer) = ($"S-{Guid.NewGuid():N}", $"c-{Guid.NewGuid():N}");

        _publisher.CustomerArrived(store, Summary(customer, "unseen"));
        _publisher.CustomerUpdated(store, Summary(customer, "unseen"));
        _publisher.SuggestionsUpdated(customer, store, [SuggestionTitled(customer, "unseen")]);
        _publisher.CustomerLeft(store, customer);
        await _publisher.FlushAsync();
        var sentUnwatched = recorder.Of("engagement.push.sent").Count(m => ReferenceEquals(m.Instrument.Meter.Scope, meters));

        await using var watcher = await _factory.ConnectToEngagementHubAsync();
        await watcher.InvokeAsync("WatchCustomer", customer);
        _publisher.CustomerUpdated(store, Summary(customer, "seen"));
        await _publisher.FlushAsync();
        await watcher.WaitForAsync("CustomerUpdated", a => a[0].GetProperty("name").GetString() == "seen", Patience);
        await watcher.InvokeAsync("UnwatchCustomer", customer);
        _publisher.CustomerUpdated(store, Summary(customer, "after"));
        await _publisher.FlushAsync();

        Assert.Equal(0, sentUnwatched);
        Assert.Equal(1, Sent("CustomerUpdated"));
        Assert.Equal(["seen"], watcher.Received("CustomerUpdated").Select(m => m.Arguments[0].GetProperty("name").GetString()));
    }

    private static CustomerSummary Summary(string customerId, string name) =>
        new(customerId, name, CustomerKind.Individual, LifecycleStage.Prospect, null, null, null, new CustomerSegments(null, null, null), null, 0, null);

    private static Suggestion SuggestionTitled(string customerId, string title) =>
        new(SuggestionIds.Create(customerId, Random.Shared), "test-action", "crossSell", title, ["a reason"], new PriorityFactors(0.5, 1, 10, 1), 5, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddMinutes(30));

    private static string? Title(JsonElement arguments) => arguments[1][0].GetProperty("title").GetString();
}
