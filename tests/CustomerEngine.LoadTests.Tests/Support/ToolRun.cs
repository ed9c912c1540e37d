using System.Text.Json;
using CustomerEngine.LoadTests.CommandLine;

namespace CustomerEngine.LoadTests.Tests.Support;

/// <summary>
/// One run of the load tool through its entry point, in this process (with no <c>--target</c> it
/// starts its own engine over a fresh SQLite file), with <c>--out</c> to a temporary file.
/// </summary>
public sealed class ToolRun
{
    private ToolRun(int exitCode, JsonElement result)
    {
        ExitCode = exitCode;
        Result = result;
    }

    public int ExitCode { get; }

    /// <summary>The JSON result the tool wrote.</summary>
    public JsonElement Result { get; }

    public static async Task<ToolRun> RunAsync(params string[] args)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ce-load-result-{Guid.NewGuid():N}.json");
        try
        {
            var exitCode = await LoadTool.RunAsync([.. args, "--out", file]);
            Assert.True(File.Exists(file), $"The tool exited with {exitCode} and wrote no result to --out.");
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            return new ToolRun(exitCode, document.RootElement.Clone());
        }
        finally
        {
            File.Delete(file);
        }
    }

    public long Long(string name) => Property(name).GetInt64();

    public double Double(string name) => Property(name).GetDouble();

    /// <summary>The property, failing with the whole result when it is missing.</summary>
    public JsonElement Property(string name) => Result.TryGetProperty(name, out var value)
        ? value
        : throw new Xunit.Sdk.XunitException($"The result has no '{name}': {Result}");

    /// <summary>The fields every result documents: scenario, rate, durationSeconds, sent, errors, throughputPerSecond, latencyMs (p50, p90, p99, max).</summary>
    public void HasTheCommonFields(string scenario)
    {
        Assert.Equal(scenario, Property("scenario").GetString());
        Assert.True(Property("rate").ValueKind is JsonValueKind.Number or JsonValueKind.Null, $"rate is {Property("rate")}");
        Assert.True(Double("durationSeconds") > 0, $"durationSeconds is {Double("durationSeconds")}");
        Assert.Equal(JsonValueKind.Number, Property("sent").ValueKind);
        Assert.Equal(JsonValueKind.Number, Property("errors").ValueKind);
        Assert.Equal(JsonValueKind.Number, Property("throughputPerSecond").ValueKind);
        HasLatency("latencyMs");
    }

    /// <summary>A latency summary with p50 ≤ p90 ≤ p99 ≤ max.</summary>
    public void HasLatency(string name)
    {
        var latency = Property(name);
        var p50 = latency.GetProperty("p50").GetDouble();
        var p90 = latency.GetProperty("p90").GetDouble();
        var p99 = latency.GetProperty("p99").GetDouble();
        var max = latency.GetProperty("max").GetDouble();
        Assert.True(p50 <= p90 && p90 <= p99 && p99 <= max, $"{name} is not ordered: {latency}");
    }
}
