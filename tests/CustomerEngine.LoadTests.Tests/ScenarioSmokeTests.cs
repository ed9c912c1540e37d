using System.Text.Json;
using CustomerEngine.LoadTests.Tests.Support;

namespace CustomerEngine.LoadTests.Tests;

/// <summary>
/// A few seconds of every scenario, in process through the tool's entry point, as a smoke test of
/// the tool: each writes its documented JSON result. Nothing here depends on how fast anything
/// is; pushes are awaited for up to a minute after the load (<c>--drain</c>), and a run ends as
/// soon as they have all arrived.
/// </summary>
public sealed class ScenarioSmokeTests
{
    private static readonly string[] Short = ["--duration", "2s", "--warmup", "0s", "--rate", "200", "--customers", "200"];

    // Many customers over few stores, all watched: almost every customer appears in one batch only,
    // so store entries stay measurable even if every batch is still in flight when the next is sent.
    private static readonly string[] Floor = ["--duration", "2s", "--warmup", "0s", "--rate", "200", "--customers", "5000", "--stores", "3", "--dashboards", "3", "--drain", "60s"];

    [Fact]
    public async Task Ingest_reports_every_batch_accepted()
    {
        var run = await ToolRun.RunAsync(["ingest", .. Short]);

        run.HasTheCommonFields("ingest");
        Assert.Equal(200, run.Long("rate"));
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Double("throughputPerSecond") > 0);
        Assert.True(run.Double("processorMicrosecondsPerEvent") > 0);
        Assert.True(run.Double("processorsBusy") > 0);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Baseline_reports_every_batch_accepted_by_bare_kestrel()
    {
        var run = await ToolRun.RunAsync(["baseline", .. Short]);

        run.HasTheCommonFields("baseline");
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Double("throughputPerSecond") > 0);
        Assert.True(run.Double("processorMicrosecondsPerEvent") > 0);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Push_reports_event_to_push_latency_with_no_push_missing()
    {
        var run = await ToolRun.RunAsync(["push", .. Floor]);

        run.HasTheCommonFields("push");
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Long("requests") > 0, "no event was timed to its push");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Push_against_an_engine_in_a_process_of_its_own_reports_latency_with_no_push_missing()
    {
        var run = await ToolRun.RunAsync(["push", .. Floor, "--engine", "process"]);

        run.HasTheCommonFields("push");
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Long("requests") > 0, "no event was timed to its push");
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Retail_day_reports_ingest_and_push_latency_and_receives_suggestions()
    {
        var run = await ToolRun.RunAsync(["retail-day", .. Floor]);

        run.HasTheCommonFields("retail-day");
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Double("throughputPerSecond") > 0);
        Assert.Equal(3, run.Long("dashboards"));
        run.HasLatency("pushLatencyMs");
        Assert.True(run.Long("pushesMeasured") > 0, "no event was timed to its push");
        Assert.Equal(0, run.Long("pushesMissing"));
        run.HasLatency("suggestionsPushLatencyMs");
        Assert.True(run.Long("suggestionsPushesReceived") > 0, "the dashboards received no SuggestionsUpdated");
        Assert.True(run.Long("suggestionsPushesMeasured") > 0, "no store entry was timed to its SuggestionsUpdated");
        Assert.True(run.Long("suggestionsPushesMissing") >= 0);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Soak_reports_memory_samples_and_latency_per_interval()
    {
        var run = await ToolRun.RunAsync(["soak", .. Floor, "--interval", "1s", "--sample-every", "1s"]);

        run.HasTheCommonFields("soak");
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Long("suggestionsPushesReceived") > 0, "the dashboards received no SuggestionsUpdated");

        var memory = run.Property("memory");
        Assert.StartsWith("in-process", memory.GetProperty("source").GetString());
        Assert.True(memory.GetProperty("samples").GetArrayLength() >= 2, $"fewer than a start and an end sample: {memory}");
        HasStartMaxEnd(memory.GetProperty("managedHeapBytes"));
        HasStartMaxEnd(memory.GetProperty("workingSetBytes"));

        var drift = run.Property("latencyDrift");
        Assert.Equal(1, drift.GetProperty("intervalSeconds").GetDouble());
        Assert.True(drift.GetProperty("ingest").GetArrayLength() >= 1, $"no interval: {drift}");
        Assert.True(drift.GetProperty("ingestP99FirstMs").GetDouble() > 0, $"no first p99: {drift}");
        Assert.True(drift.GetProperty("ingestP99LastMs").GetDouble() > 0, $"no last p99: {drift}");
        Assert.Equal(JsonValueKind.Number, drift.GetProperty("pushP99FirstMs").ValueKind);
        Assert.Equal(JsonValueKind.Number, drift.GetProperty("pushP99LastMs").ValueKind);
    }

    [Fact]
    public async Task Overload_at_a_given_rate_accounts_for_every_offered_request()
    {
        var run = await ToolRun.RunAsync(["overload", .. Short, "--sample-every", "1s"]);

        run.HasTheCommonFields("overload");
        Assert.Equal(200, run.Long("sustainableRate"));
        Assert.False(run.Property("probed").GetBoolean());
        Assert.Equal(600, run.Long("offeredRate"));
        Assert.Equal(600, run.Long("rate"));
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        AccountsForEveryOfferedRequest(run);
        HasStartMaxEnd(run.Property("memory").GetProperty("managedHeapBytes"));
        HasStartMaxEnd(run.Property("memory").GetProperty("workingSetBytes"));
    }

    [Fact]
    public async Task Overload_without_a_rate_offers_three_times_what_its_probe_sustained()
    {
        var run = await ToolRun.RunAsync(["overload", "--probe", "1s", "--duration", "1s", "--warmup", "0s", "--customers", "2000", "--concurrency", "2"]);

        run.HasTheCommonFields("overload");
        Assert.True(run.Property("probed").GetBoolean());
        var sustainable = run.Long("sustainableRate");
        Assert.True(sustainable > 0);
        Assert.Equal(Math.Round(sustainable * 3.0), run.Long("offeredRate"));
        Assert.True(run.Long("offeredRequests") > 0);
        AccountsForEveryOfferedRequest(run);
    }

    [Fact]
    public async Task Campaigns_runs_at_least_one_activate_and_pause_cycle_under_load()
    {
        var run = await ToolRun.RunAsync(["campaigns", "--duration", "5s", "--warmup", "0s", "--rate", "200", "--customers", "200"]);

        run.HasTheCommonFields("campaigns");
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Long("cycles") >= 1);
        run.HasLatency("activationRequestToPresentationMs");
        Assert.Equal(JsonValueKind.Number, run.Property("presentationsAfterPause").ValueKind);
    }

    [Fact]
    public async Task Append_reports_durable_appends_without_errors()
    {
        var run = await ToolRun.RunAsync(["append", "--duration", "2s", "--warmup", "0s", "--concurrency", "2", "--customers", "200"]);

        run.HasTheCommonFields("append");
        Assert.True(run.Long("sent") > 0);
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Double("throughputPerSecond") > 0);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Memory_reports_the_heap_per_grain_of_every_customer_it_activated()
    {
        var run = await ToolRun.RunAsync(["memory", "--customers", "200"]);

        run.HasTheCommonFields("memory");
        Assert.Equal(200 * 20, run.Long("sent"));
        Assert.Equal(200, run.Long("requests"));
        Assert.Equal(0, run.Long("errors"));
        Assert.True(run.Long("activations") >= 200);
        Assert.Equal(JsonValueKind.Number, run.Property("bytesPerGrain").ValueKind);
        Assert.Equal(0, run.ExitCode);
    }

    private static void AccountsForEveryOfferedRequest(ToolRun run)
    {
        var accounted = run.Long("acceptedRequests") + run.Long("rejectedRequests") + run.Long("otherErrors") + run.Long("notSentClientSaturated");
        Assert.Equal(run.Long("offeredRequests"), accounted);
        Assert.Equal(run.Long("acceptedRequests") * run.Long("batchSize"), run.Long("sent"));
        Assert.True(run.Long("rejectedWithRetryAfter") <= run.Long("rejectedRequests"));
    }

    private static void HasStartMaxEnd(JsonElement range)
    {
        var start = range.GetProperty("start").GetInt64();
        var max = range.GetProperty("max").GetInt64();
        var end = range.GetProperty("end").GetInt64();
        Assert.True(start > 0 && max >= start && max >= end && end > 0, $"not a start/max/end of positive sizes: {range}");
    }
}
