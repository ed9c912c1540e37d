using System.Text.Json.Serialization;

namespace CustomerEngine.LoadTests.Load;

/// <summary>
/// The result of a run, written as JSON with <c>--out</c>; a scenario with more to report derives
/// from it, and every result starts with the same fields.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Rate">The offered rate in events/s (open model), or null for a closed model.</param>
/// <param name="DurationSeconds">The measured period.</param>
/// <param name="Sent">Events the target accepted in it.</param>
/// <param name="Errors">Requests that failed, were refused or could not be sent (each scenario says what else counts).</param>
/// <param name="ThroughputPerSecond">Accepted events per second.</param>
/// <param name="LatencyMs">The scenario's main latency.</param>
/// <param name="BatchSize">Events per request.</param>
/// <param name="Requests">Samples behind <paramref name="LatencyMs"/>.</param>
public record LoadResult(
    [property: JsonPropertyOrder(-1)] string Scenario,
    [property: JsonPropertyOrder(-1)] int? Rate,
    [property: JsonPropertyOrder(-1)] double DurationSeconds,
    [property: JsonPropertyOrder(-1)] long Sent,
    [property: JsonPropertyOrder(-1)] long Errors,
    [property: JsonPropertyOrder(-1)] double ThroughputPerSecond,
    [property: JsonPropertyOrder(-1)] LatencySummary LatencyMs,
    [property: JsonPropertyOrder(-1)] int BatchSize,
    [property: JsonPropertyOrder(-1)] int Requests)
{
    /// <summary>
    /// This process's processor time over the measured period per accepted event, when the server
    /// runs in this process: the engine (or bare endpoint) and the load's clients together. It says
    /// what a change does to the work per event, apart from how many processors the hour allowed.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ProcessorMicrosecondsPerEvent { get; init; }

    /// <summary>How many processors that time kept busy on average over the measured period.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ProcessorsBusy { get; init; }
}
