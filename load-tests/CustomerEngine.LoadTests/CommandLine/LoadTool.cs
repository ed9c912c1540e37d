using System.Text.Json;
using CustomerEngine.LoadTests.Hosting;
using CustomerEngine.LoadTests.Load;
using CustomerEngine.LoadTests.Scenarios;

namespace CustomerEngine.LoadTests.CommandLine;

/// <summary>
/// The tool's entry point: parses the arguments, runs the scenario (against <c>--target</c>, or an
/// engine the tool starts itself), prints the summary table and writes the JSON result to
/// <c>--out</c> (or prints it). Returns the exit code: 0 when the run had no errors, 1 when it
/// had, 2 for bad arguments. The smoke tests call it in process, as <c>Program</c> does.
/// </summary>
public static class LoadTool
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
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

        var (result, succeeded) = options.Scenario switch
        {
            "memory" => (await MemoryScenario.RunAsync(options), true),
            "campaigns" => await RunCampaignsAsync(options),
            "append" => await RunAppendAsync(options),
            _ => await RunAgainstTargetAsync(options, args),
        };

        SummaryTable.Print(result, options);
        var json = JsonSerializer.Serialize(result, result.GetType(), Json);
        if (options.Out is { } file)
        {
            await File.WriteAllTextAsync(file, json);
            Console.Error.WriteLine($"result written to {file}");
        }
        else
        {
            Console.WriteLine(json);
        }

        return succeeded ? 0 : 1;
    }

    private static async Task<(LoadResult, bool)> RunCampaignsAsync(LoadOptions options)
    {
        var result = await CampaignSwitchScenario.RunAsync(options);
        return (result, result.Succeeded && result.Errors == 0);
    }

    private static async Task<(LoadResult, bool)> RunAppendAsync(LoadOptions options)
    {
        Console.Error.WriteLine($"append into {options.Storage} for {options.Duration.TotalSeconds:N0}s after {options.Warmup.TotalSeconds:N0}s of warm-up, batches of {options.BatchSize}, {options.Concurrency} callers");
        var result = await StoreAppendScenario.RunAsync(options);
        return (result, result.Errors == 0);
    }

    private static async Task<(LoadResult, bool)> RunAgainstTargetAsync(LoadOptions options, string[] args)
    {
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
            : options.Scenario == "baseline" ? await BareKestrel.StartAsync()
            : options.Engine == "process" ? await EngineProcess.StartAsync(options.Storage, options.Connection)
            : await InProcessEngine.StartAsync(options.Storage, options.Connection);
        var (target, apiKey) = server switch
        {
            BareKestrel bare => (bare.Address, options.ApiKey),
            InProcessEngine engine => (engine.Address, engine.ApiKey),
            EngineProcess process => (process.Address, process.ApiKey),
            _ => (options.Target!, options.ApiKey),
        };
        Console.Error.WriteLine($"{options.Scenario} against {target} for {options.Duration.TotalSeconds:N0}s after {options.Warmup.TotalSeconds:N0}s of warm-up, batches of {options.BatchSize}, " +
            (options.Scenario == "overload" ? $"{options.Factor:0.##} × {(options.Rate is { } given ? $"{given:N0} events/s" : "the rate a closed-model probe sustains")}"
                : options.Rate is { } r ? $"open model at {r:N0} events/s" : $"closed model with {options.Concurrency} clients"));

        var inProcess = server is InProcessEngine;
        LoadResult result = options.Scenario switch
        {
            "push" => await new PushLoad(options, target, apiKey).RunAsync(CancellationToken.None),
            "retail-day" => await RetailDayScenario.RunAsync(options, target, apiKey, CancellationToken.None),
            "soak" => await SoakScenario.RunAsync(options, target, apiKey, inProcess, CancellationToken.None),
            "overload" => await OverloadScenario.RunAsync(options, target, apiKey, inProcess, CancellationToken.None),
            _ => await new IngestLoad(options, target, apiKey) { MeasuresProcessor = inProcess || server is BareKestrel }.RunAsync(CancellationToken.None),
        };
        if (otlpSink is not null)
        {
            Console.Error.WriteLine(otlpSink.Summary);
        }

        return (result, result.Errors == 0);
    }
}
