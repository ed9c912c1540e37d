using System.Diagnostics;
using CustomerEngine.LoadTests.Load;
using CustomerEngine.LoadTests.Memory;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// Clients pushing more than the engine can absorb (issue 6: memory must stay flat). First the
/// sustainable rate: <c>--rate</c>, or what a closed-model probe of <c>--probe</c> sustains after
/// the warm-up. Then <c>--factor</c> (3) times that rate in the open model for <c>--duration</c>,
/// with up to <c>--max-outstanding</c> requests in flight, each on its own connection: past its
/// in-flight bound the engine answers 429 with <c>Retry-After</c>, and a batch due while the tool
/// is at its cap is not sent and is counted as such. Refused batches are not sent again: a real
/// producer would, after <c>Retry-After</c>, but here that would only add to the offered rate.
/// Memory is sampled throughout.
/// </summary>
public static class OverloadScenario
{
    public static async Task<OverloadResult> RunAsync(LoadOptions options, Uri target, string apiKey, bool engineInProcess, CancellationToken cancellationToken)
    {
        var probed = options.Rate is null;
        int sustainable;
        if (options.Rate is { } given)
        {
            sustainable = given;
        }
        else
        {
            Console.Error.WriteLine($"  probing the sustainable rate: closed model, {options.Concurrency} clients, {options.Probe.TotalSeconds:N0}s after {options.Warmup.TotalSeconds:N0}s of warm-up");
            var probe = await new IngestLoad(options with { Duration = options.Probe }, target, apiKey).RunAsync(cancellationToken);
            sustainable = (int)probe.ThroughputPerSecond;
            if (sustainable < 1)
            {
                throw new InvalidOperationException($"the probe sustained no events ({probe.Errors} errors): is the target up, and the API key right?");
            }
        }

        var offered = Math.Max(1, (int)Math.Round(sustainable * options.Factor));
        Console.Error.WriteLine($"  offering {offered:N0} events/s ({options.Factor:0.##} × {sustainable:N0}{(probed ? " measured" : " given")}) for {options.Duration.TotalSeconds:N0}s, at most {options.MaxOutstanding:N0} requests in flight");

        // After a probe the engine is warm already.
        var phase = options with { Rate = offered, Warmup = probed ? TimeSpan.Zero : options.Warmup };
        var clock = new Stopwatch();
        var load = new IngestLoad(phase, target, apiKey) { Clock = clock, Connections = options.MaxOutstanding };
        using var sampler = engineInProcess ? MemorySampler.Start(clock, phase.Warmup, options.SampleEvery, forceFullCollection: true) : null;
        var run = await load.RunAsync(cancellationToken);
        var memory = sampler?.Stop() ?? MemoryReport.Unavailable(options.SampleEvery);
        var counts = load.Counts;
        return new OverloadResult(run with { Errors = counts.OtherErrors }, memory)
        {
            SustainableRate = sustainable,
            Probed = probed,
            Factor = options.Factor,
            OfferedRate = offered,
            OfferedRequests = counts.Offered,
            AcceptedRequests = counts.Accepted,
            RejectedRequests = counts.Rejected,
            RejectedWithRetryAfter = counts.RejectedWithRetryAfter,
            RetryAfterMinSeconds = counts.RetryAfterMinSeconds,
            RetryAfterMaxSeconds = counts.RetryAfterMaxSeconds,
            OtherErrors = counts.OtherErrors,
            NotSentClientSaturated = counts.NotSent,
            MaxOutstanding = options.MaxOutstanding,
        };
    }
}
