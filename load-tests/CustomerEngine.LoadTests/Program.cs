using System.Text.Json;
using CustomerEngine.LoadTests.Hosting;
using CustomerEngine.LoadTests.Load;
using CustomerEngine.LoadTests.Scenarios;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (options.Scenario == "memory")
{
    var perGrain = await MemoryScenario.RunAsync(options.Customers);
    Console.WriteLine($"memory: {perGrain:N0} bytes of managed heap per active customer grain ({options.Customers:N0} grains, 20 interactions each)");
    return 0;
}

if (options.Scenario == "campaigns")
{
    return await CampaignSwitchScenario.RunAsync(options);
}

if (options.Scenario is not ("ingest" or "baseline" or "push" or "append"))
{
    Console.Error.WriteLine($"unknown scenario '{options.Scenario}': use ingest, baseline, push, append or memory");
    return 2;
}

if (options.Scenario == "append")
{
    Console.Error.WriteLine($"append into {options.Storage} for {options.Duration.TotalSeconds:N0}s after {options.Warmup.TotalSeconds:N0}s of warm-up, batches of {options.BatchSize}, {options.Concurrency} callers");
    var appends = await StoreAppendScenario.RunAsync(options);
    Console.WriteLine($"| scenario | events/s | errors | p50 ms | p90 ms | p99 ms | max ms |");
    Console.WriteLine($"|---|---|---|---|---|---|---|");
    Console.WriteLine($"| append ({options.Storage}) | {appends.ThroughputPerSecond:N0} | {appends.Errors} | {appends.LatencyMs.P50:F1} | {appends.LatencyMs.P90:F1} | {appends.LatencyMs.P99:F1} | {appends.LatencyMs.Max:F1} |");
    return appends.Errors == 0 ? 0 : 1;
}

// --otlp local: the in-process engine exports traces, metrics and logs to a sink in this process
// that discards them (the engine reads OTEL_EXPORTER_OTLP_ENDPOINT like any other setting).
await using var otlpSink = Array.IndexOf(args, "--otlp") is var at and >= 0 && at + 1 < args.Length && args[at + 1] == "local"
    ? await OtlpDiscardSink.StartAsync()
    : null;
if (otlpSink is not null)
{
    // The load generator's own requests are not the engine's to trace: in production they come
    // from another process, so here they neither start client spans nor send a traceparent.
    AppContext.SetSwitch("System.Net.Http.EnableActivityPropagation", false);
    Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT", otlpSink.Address.ToString());
    Environment.SetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
}

await using IAsyncDisposable? server = options.Target is not null ? null
    : options.Scenario == "baseline" ? await BareKestrel.StartAsync() : await InProcessEngine.StartAsync(options.Storage, options.Connection);
var target = options.Target ?? (server is BareKestrel bare ? bare.Address : ((InProcessEngine)server!).Address);
Console.Error.WriteLine($"{options.Scenario} against {target} for {options.Duration.TotalSeconds:N0}s after {options.Warmup.TotalSeconds:N0}s of warm-up, batches of {options.BatchSize}, " +
    (options.Rate is { } r ? $"open model at {r:N0} events/s" : $"closed model with {options.Concurrency} clients"));

var apiKey = server is InProcessEngine engine ? engine.ApiKey : options.ApiKey;
var result = options.Scenario == "push"
    ? await new PushLoad(options, target, apiKey).RunAsync(CancellationToken.None)
    : await new IngestLoad(options, target, apiKey).RunAsync(CancellationToken.None);
Console.WriteLine($"| scenario | rate | events/s | errors | p50 ms | p90 ms | p99 ms | max ms |");
Console.WriteLine($"|---|---|---|---|---|---|---|---|");
Console.WriteLine($"| {result.Scenario} | {(result.Rate?.ToString("N0") ?? "max")} | {result.ThroughputPerSecond:N0} | {result.Errors} | {result.LatencyMs.P50:F1} | {result.LatencyMs.P90:F1} | {result.LatencyMs.P99:F1} | {result.LatencyMs.Max:F1} |");
if (otlpSink is not null)
{
    Console.Error.WriteLine(otlpSink.Summary);
}

if (options.Out is { } file)
{
    await File.WriteAllTextAsync(file, JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
}

return result.Errors == 0 ? 0 : 1;
