using CustomerEngine.LoadTests.Load;
using CustomerEngine.LoadTests.Memory;
using CustomerEngine.LoadTests.Scenarios;

namespace CustomerEngine.LoadTests.CommandLine;

/// <summary>The end-of-run summary on standard output, as Markdown tables ready for docs/performance.md.</summary>
public static class SummaryTable
{
    public static void Print(LoadResult result, LoadOptions options)
    {
        if (result is MemoryResult memory)
        {
            Console.WriteLine($"memory: {memory.BytesPerGrain:N0} bytes of managed heap per active customer grain ({memory.Customers:N0} grains, {memory.InteractionsPerCustomer} interactions each)");
        }

        var label = result.Scenario == "append" || options.Storage != "sqlite" ? $"{result.Scenario} ({options.Storage})" : result.Scenario;
        Console.WriteLine("| scenario | rate | events/s | errors | p50 ms | p90 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {label} | {result.Rate?.ToString("N0") ?? "max"} | {result.ThroughputPerSecond:N0} | {result.Errors} | {result.LatencyMs.P50:F1} | {result.LatencyMs.P90:F1} | {result.LatencyMs.P99:F1} | {result.LatencyMs.Max:F1} |");
        if (result.ProcessorMicrosecondsPerEvent is { } perEvent)
        {
            var database = options.Storage == "sqlite" || result.Scenario == "baseline" ? string.Empty : "; the database server's time is not counted";
            Console.WriteLine($"processor: {perEvent:N1} µs per event in this process (server and clients), {result.ProcessorsBusy:N2} of {Environment.ProcessorCount} processors busy{database}");
        }

        if (result is RetailDayResult day)
        {
            Console.WriteLine();
            Console.WriteLine($"| {day.Dashboards} dashboards | measured | not measured | missing | p50 ms | p90 ms | p99 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            Console.WriteLine($"| event → first push | {day.PushesMeasured:N0} | {day.PushesUnmeasured:N0} | {day.PushesMissing:N0} | {Cells(day.PushLatencyMs)} |");
            Console.WriteLine($"| store entry → SuggestionsUpdated ({day.SuggestionsPushesReceived:N0} received) | {day.SuggestionsPushesMeasured:N0} | – | {day.SuggestionsPushesMissing:N0} | {Cells(day.SuggestionsPushLatencyMs)} |");
        }

        if (result is SoakResult soak)
        {
            Console.WriteLine();
            Console.WriteLine($"| p99 per {soak.LatencyDrift.IntervalSeconds:N0} s | first interval ms | last interval ms |");
            Console.WriteLine("|---|---|---|");
            Console.WriteLine($"| 202 | {soak.LatencyDrift.IngestP99FirstMs:F1} | {soak.LatencyDrift.IngestP99LastMs:F1} |");
            Console.WriteLine($"| event → first push | {soak.LatencyDrift.PushP99FirstMs:F1} | {soak.LatencyDrift.PushP99LastMs:F1} |");
            PrintMemory(soak.Memory);
        }

        if (result is OverloadResult overload)
        {
            var retryAfter = overload.RetryAfterMinSeconds is { } min ? $"{min}–{overload.RetryAfterMaxSeconds} s" : "–";
            Console.WriteLine();
            Console.WriteLine("| offered requests | accepted | 429 | with Retry-After | Retry-After | other errors | not sent (client saturated) |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            Console.WriteLine($"| {overload.OfferedRequests:N0} ({overload.Factor:0.##} × {overload.SustainableRate:N0} events/s{(overload.Probed ? ", measured" : string.Empty)}) | {overload.AcceptedRequests:N0} | {overload.RejectedRequests:N0} | {overload.RejectedWithRetryAfter:N0} | {retryAfter} | {overload.OtherErrors:N0} | {overload.NotSentClientSaturated:N0} |");
            PrintMemory(overload.Memory);
        }
    }

    private static string Cells(LatencySummary latency) => $"{latency.P50:F1} | {latency.P90:F1} | {latency.P99:F1} | {latency.Max:F1}";

    private static void PrintMemory(MemoryReport memory)
    {
        Console.WriteLine();
        if (memory.ManagedHeapBytes is not { } heap || memory.WorkingSetBytes is not { } workingSet)
        {
            Console.WriteLine($"memory: {memory.Source}");
            return;
        }

        Console.WriteLine($"| memory ({memory.Samples.Count} samples, {memory.Source}) | start MiB | max MiB | end MiB |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| managed heap ({(memory.LiveHeap ? "live, after a forced full collection" : "after the latest collection")}) | {Mib(heap.Start)} | {Mib(heap.Max)} | {Mib(heap.End)} |");
        Console.WriteLine($"| working set | {Mib(workingSet.Start)} | {Mib(workingSet.Max)} | {Mib(workingSet.End)} |");
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("N0");
}
