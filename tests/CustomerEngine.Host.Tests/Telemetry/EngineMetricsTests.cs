using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using CustomerEngine.Host.Hubs;
using CustomerEngine.Host.Ingestion;
using CustomerEngine.Host.Telemetry;
using CustomerEngine.Host.Tests.Support;
using CustomerEngine.Host.Tests.ValueModels;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests.Telemetry;

public sealed class EngineMetricsTests
{
    private static readonly Dictionary<string, string> ExpectedUnits = new()
    {
        ["customer_engine.ingest.events"] = "{event}",
        ["customer_engine.ingest.duration"] = "s",
        ["customer_engine.ingest.active_requests"] = "{request}",
        ["customer_engine.ingest.refused_requests"] = "{request}",
        ["customer_engine.ingest.queued_events"] = "{event}",
        ["customer_engine.storage.append.duration"] = "s",
        ["customer_engine.storage.commit.duration"] = "s",
        ["customer_engine.storage.commit.operations"] = "{operation}",
        ["grain.activations.active"] = "{activation}",
        ["grain.activations.created"] = "{activation}",
        ["grain.activations.collected"] = "{activation}",
        ["grain.call.duration"] = "s",
        ["customer_engine.suggestions.presented"] = "{suggestion}",
        ["customer_engine.suggestions.pushed"] = "{suggestion}",
        ["customer_engine.suggestions.outcomes"] = "{outcome}",
        ["engagement.push.delay"] = "s",
        ["customer_engine.campaign.presentations"] = "{presentation}",
        ["customer_engine.value_model.fit.duration"] = "s",
    };

    [Fact]
    public async Task Ingest_storage_grains_suggestions_push_and_fits_record_named_instruments_with_units_and_no_customer_id()
    {
        using var recorder = new MeasurementRecorder([.. TelemetrySources.Meters]);
        await using var factory = new EngineFactory();
        var client = factory.CreateClient();
        var id = $"metrics-{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        var entered = Entered(id, now.AddMinutes(-2));

        await client.IngestAsync(Registered(id, now.AddDays(-300)), Purchase(id, now.AddDays(-120)), Purchase(id, now.AddDays(-100)));

        // Pushes go only where a dashboard listens (decision 55).
        await using var dashboard = await factory.ConnectToEngagementHubAsync();
        await dashboard.InvokeAsync("WatchCustomer", id);
        await client.IngestAsync(entered, Purchase(id, now.AddMinutes(-1), sku: "TENT-2"));
        await client.IngestAsync(entered, Feedback(id, now, nps: 11));
        var (unsupported, _, _) = await client.PostRawAsync("not json", "text/plain");
        await factory.FlushPushesAsync();
        var (_, suggestions, _) = await client.GetJsonAsync($"/api/customers/{id}/suggestions");
        var suggestion = suggestions!.AsArray()[0]!;
        var (accepted, _) = await client.PostJsonAsync($"/api/suggestions/{(string)suggestion["suggestionId"]!}/outcome", new JsonObject { ["outcome"] = "accepted" });
        var fit = await client.WaitForFitAsync(await client.StartFitAsync());

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported);
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal("failed", (string?)fit["status"]);
        Assert.All(ExpectedUnits, expected =>
        {
            Assert.True(recorder.Published.TryGetValue(expected.Key, out var instrument), $"{expected.Key} was never published");
            Assert.Equal(expected.Value, instrument.Unit);
        });

        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var ours = recorder.Measurements.Where(m => m.Instrument.Meter.Scope is null || ReferenceEquals(m.Instrument.Meter.Scope, meters)).ToList();
        Assert.Contains(ours, m => Is(m, "customer_engine.ingest.events", ("event.type", "customer.registered"), ("result", "accepted")));
        Assert.Contains(ours, m => Is(m, "customer_engine.ingest.events", ("event.type", "store.entered"), ("result", "duplicate")));
        Assert.Contains(ours, m => Is(m, "customer_engine.ingest.events", ("event.type", "feedback"), ("result", "rejected")));
        Assert.Contains(ours, m => Is(m, "customer_engine.ingest.refused_requests", ("reason", "unsupported_media_type")));
        Assert.Contains(ours, m => Is(m, "customer_engine.ingest.duration"));
        Assert.Equal(0, ours.Where(m => m.Instrument.Name == "customer_engine.ingest.active_requests").Sum(m => m.Value));
        Assert.Contains(ours, m => Is(m, "customer_engine.storage.append.duration", ("db.system.name", "sqlite"), ("outcome", "committed")));
        Assert.Contains(ours, m => Is(m, "customer_engine.storage.commit.duration", ("outcome", "committed")));
        Assert.Contains(ours, m => Is(m, "customer_engine.storage.commit.operations") && m.Value >= 1);
        Assert.Contains(ours, m => Is(m, "grain.activations.created", ("grain.interface", "ICustomerGrain")));
        Assert.Contains(ours, m => Is(m, "grain.call.duration", ("grain.interface", "ICustomerGrain"), ("grain.method", "ApplyAsync")));
        Assert.Contains(ours, m => Is(m, "customer_engine.suggestions.presented", ("kind", (string)suggestion["kind"]!)));
        Assert.Contains(ours, m => Is(m, "customer_engine.suggestions.pushed", ("kind", (string)suggestion["kind"]!)));
        Assert.Contains(ours, m => Is(m, "customer_engine.suggestions.outcomes", ("kind", (string)suggestion["kind"]!), ("outcome", "accepted")));
        Assert.Contains(ours, m => Is(m, "engagement.push.delay", ("message", "SuggestionsUpdated")));
        Assert.Contains(ours, m => Is(m, "customer_engine.value_model.fit.duration", ("trigger", "request"), ("outcome", "failed")));
        Assert.DoesNotContain(recorder.Measurements, m => m.Tags.Values.Any(v => v is string text && text.Contains(id, StringComparison.Ordinal)));
        EngineFactory.DeleteDatabase(factory.DatabasePath);
    }

    [Fact]
    public async Task A_request_the_rate_limiter_refuses_is_counted_as_refused_for_overload()
    {
        using var recorder = new MeasurementRecorder([IngestInstruments.MeterName]);
        await using var engine = new EngineFactory();
        await using var limited = engine.WithWebHostBuilder(builder => builder
            .UseSetting("Ingest:Limits:PermitsPerCaller", "1")
            .UseSetting("Ingest:Limits:Window", "01:00:00"));
        var client = limited.CreateClient();
        var id = $"metrics-{Guid.NewGuid():N}";

        await client.IngestAsync(Registered(id, DateTimeOffset.UtcNow.AddDays(-1)));
        var (refused, _, _) = await client.PostEventsAsync(new JsonArray(Entered(id, DateTimeOffset.UtcNow)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        var meters = limited.Services.GetRequiredService<IMeterFactory>();
        Assert.Contains(recorder.Measurements, m => ReferenceEquals(m.Instrument.Meter.Scope, meters) && Is(m, "customer_engine.ingest.refused_requests", ("reason", "overloaded")));
        EngineFactory.DeleteDatabase(engine.DatabasePath);
    }

    private static bool Is(RecordedMeasurement measurement, string instrument, params (string Key, string Value)[] tags) =>
        measurement.Instrument.Name == instrument && tags.All(t => measurement.Tags.TryGetValue(t.Key, out var value) && Equals(value, t.Value));
}
