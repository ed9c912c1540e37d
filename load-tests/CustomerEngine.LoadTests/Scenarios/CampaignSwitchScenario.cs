using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerEngine.Grains.Campaigns;
using CustomerEngine.LoadTests.Hosting;
using CustomerEngine.LoadTests.Load;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// How fast campaign changes take effect under load (docs/performance.md, figure 8). While events
/// flow at a fixed rate (2,000/s by default), a campaign that triggers on store entries is
/// activated and paused in cycles. For each activation it measures the time from the request (and
/// from its acknowledgement) to the first presentation; for each pause, whether anything was
/// presented after the acknowledgement, and how long before it the last presentation was. The
/// presentations are read from the engine's own counters in this process, polled every millisecond.
/// </summary>
public static class CampaignSwitchScenario
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task<CampaignSwitchResult> RunAsync(LoadOptions options)
    {
        await using var engine = await InProcessEngine.StartAsync(options.Storage, options.Connection);
        using var http = new HttpClient { BaseAddress = engine.Address, DefaultRequestHeaders = { { "X-Api-Key", engine.ApiKey } } };
        var campaigns = engine.Services.GetRequiredService<ActiveCampaigns>();
        var load = new IngestLoad(options, engine.Address, engine.ApiKey);
        var traffic = load.RunAsync(CancellationToken.None);
        await Task.Delay(options.Warmup);

        var id = await CreateAsync(http);
        var live = campaigns.Find(id)!;
        var activations = new List<(double FromRequest, double FromAck)>();
        var pauses = new List<(long AfterAck, double LastBeforeAck)>();
        var end = options.Warmup + options.Duration - TimeSpan.FromSeconds(4);
        var clock = Stopwatch.StartNew();

        // At least one cycle, however short the run: a run that switches nothing measures nothing.
        do
        {
            var before = Presented(live);
            var requested = Stopwatch.GetTimestamp();
            (await http.PostAsync($"/api/campaigns/{id}/activate", null)).EnsureSuccessStatusCode();
            var acknowledged = Stopwatch.GetTimestamp();
            var first = await WaitForChangeAsync(live, before);
            if (first is { } at)
            {
                activations.Add((Stopwatch.GetElapsedTime(requested, at).TotalMilliseconds, Stopwatch.GetElapsedTime(acknowledged, at).TotalMilliseconds));
            }

            // Runs for a second, noting when the count last moved.
            var lastChange = Stopwatch.GetTimestamp();
            var seen = Presented(live);
            var running = Stopwatch.StartNew();
            while (running.Elapsed < TimeSpan.FromSeconds(1))
            {
                if (Presented(live) != seen)
                {
                    seen = Presented(live);
                    lastChange = Stopwatch.GetTimestamp();
                }

                await Task.Delay(1);
            }

            var pauseRequested = Stopwatch.GetTimestamp();
            (await http.PostAsync($"/api/campaigns/{id}/pause", null)).EnsureSuccessStatusCode();
            var pauseAcknowledged = Stopwatch.GetTimestamp();
            var atAck = Presented(live);

            // The last presentation before the acknowledgement: polled until the request was made,
            // then the counter cannot have moved after it unless the pause failed, which is counted below.
            if (atAck != seen)
            {
                lastChange = pauseRequested;
            }

            await Task.Delay(TimeSpan.FromSeconds(1.5));
            pauses.Add((Presented(live) - atAck, Stopwatch.GetElapsedTime(lastChange, pauseAcknowledged).TotalMilliseconds));
        }
        while (clock.Elapsed + options.Warmup < end);

        var result = await traffic;
        Console.WriteLine($"campaigns under {result.ThroughputPerSecond:N0} events/s ({result.Errors} errors), {activations.Count} activations, {pauses.Count} pauses");
        Console.WriteLine("| measure | p50 ms | max ms |");
        Console.WriteLine("|---|---|---|");
        Print("activation request → first presentation", [.. activations.Select(a => a.FromRequest)]);
        Print("activation acknowledged → first presentation", [.. activations.Select(a => a.FromAck)]);
        Print("last presentation → pause acknowledged", [.. pauses.Select(p => p.LastBeforeAck)]);
        Console.WriteLine($"presentations after a pause was acknowledged: {pauses.Sum(p => p.AfterAck)} (in {pauses.Count} pauses); activations with no presentation within {Patience.TotalSeconds:N0} s: {pauses.Count - activations.Count}");
        return new CampaignSwitchResult(result)
        {
            Cycles = pauses.Count,
            ActivationRequestToPresentationMs = Summarise(activations.Select(a => a.FromRequest)),
            ActivationAcknowledgedToPresentationMs = Summarise(activations.Select(a => a.FromAck)),
            LastPresentationBeforePauseMs = Summarise(pauses.Select(p => p.LastBeforeAck)),
            PresentationsAfterPause = pauses.Sum(p => p.AfterAck),
            ActivationsWithoutPresentation = pauses.Count - activations.Count,
        };
    }

    private static LatencySummary Summarise(IEnumerable<double> milliseconds)
    {
        var recorder = new LatencyRecorder();
        foreach (var value in milliseconds)
        {
            recorder.Record(value);
        }

        return recorder.Summarise();
    }

    private static long Presented(LiveCampaign campaign) => campaign.Treatment.Read().Presented;

    private static async Task<long?> WaitForChangeAsync(LiveCampaign campaign, long before)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            if (Presented(campaign) != before)
            {
                return Stopwatch.GetTimestamp();
            }

            await Task.Delay(1);
        }

        return null;
    }

    // Every customer entering a store, worth enough to be among their suggestions whatever else applies.
    private static async Task<string> CreateAsync(HttpClient http)
    {
        var body = JsonNode.Parse("""
            {
              "name": "Load: store visitors",
              "offer": { "title": "Welcome coffee", "reason": "Measuring how fast campaigns switch", "value": 1000 },
              "audience": null,
              "trigger": { "eventType": "store.entered" },
              "holdoutPercent": 0,
              "lever": 10
            }
            """);
        using var response = await http.PostAsJsonAsync("/api/campaigns", body);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    private static void Print(string name, double[] values)
    {
        if (values.Length == 0)
        {
            Console.WriteLine($"| {name} | – | – |");
            return;
        }

        Array.Sort(values);
        Console.WriteLine($"| {name} | {values[values.Length / 2]:F1} | {values[^1]:F1} |");
    }
}
