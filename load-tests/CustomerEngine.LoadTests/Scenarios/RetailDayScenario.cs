using CustomerEngine.LoadTests.Load;

namespace CustomerEngine.LoadTests.Scenarios;

/// <summary>
/// A shop floor's day at a fixed rate: the generator's mix of visits, browsing, baskets,
/// purchases, feedback, complaints and departures across <c>--stores</c> stores, with
/// <c>--dashboards</c> dashboards joined to them. It reports the latency of the <c>202</c>, of
/// event → first push reflecting it, and of store entry → <c>SuggestionsUpdated</c>: what staff on
/// the floor wait for before a suggestion shows.
/// </summary>
public static class RetailDayScenario
{
    public static async Task<RetailDayResult> RunAsync(LoadOptions options, Uri target, string apiKey, CancellationToken cancellationToken)
    {
        var load = new PushLoad(options, target, apiKey) { SuggestionsLatency = new LatencyRecorder() };
        return RetailDayResult.Of(await load.MeasureAsync(cancellationToken), options);
    }
}
