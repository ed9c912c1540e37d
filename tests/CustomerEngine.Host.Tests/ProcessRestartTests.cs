using CustomerEngine.Host.Tests.Support;
using static CustomerEngine.Host.Tests.Support.Events;

namespace CustomerEngine.Host.Tests;

public sealed class ProcessRestartTests
{
    [Fact]
    public async Task Sigterm_stops_the_host_cleanly_and_a_new_process_serves_the_same_customers()
    {
        var databasePath = Path.Combine(Path.GetTempPath(), "ce-process", Guid.NewGuid().ToString("N"), "engine.db");
        var id = $"c-{Guid.NewGuid():N}";
        var day = DateTimeOffset.UtcNow.AddDays(-2);
        string before;
        int exitCode;
        await using (var first = await HostProcess.StartAsync(databasePath))
        {
            using var client = first.CreateClient();
            await client.IngestAsync(Registered(id, day), Entered(id, day.AddHours(1)), Purchase(id, day.AddHours(2)), Purchase(id, day.AddHours(30)));
            before = (await client.CustomerAsync(id)).ToJsonString();
            exitCode = await first.TerminateAsync();
        }

        await using var second = await HostProcess.StartAsync(databasePath);
        using var restarted = second.CreateClient();
        var after = (await restarted.CustomerAsync(id)).ToJsonString();

        Assert.Equal(0, exitCode);
        Assert.Equal(Normalise(before), Normalise(after));
        EngineFactory.DeleteDatabase(databasePath);
    }

    // The value ranking at start-up sees a different base each time; everything else must match.
    private static string Normalise(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        node["value"]!["rfm"] = null;
        node["value"]!["tier"] = null;
        return node.ToJsonString();
    }
}
