using System.Diagnostics;
using System.Text.Json.Nodes;
using CustomerEngine.Durability.Tests.Stores;
using CustomerEngine.Durability.Tests.Traffic;
using CustomerEngine.Durability.Tests.Verification;
using CustomerEngine.Host.Tests.Support;
using Xunit.Abstractions;

namespace CustomerEngine.Durability.Tests;

/// <summary>
/// The host killed with SIGKILL while clients post: a 202 promised the events are durable, so after
/// a restart every acknowledged event must be in the log exactly once, and once the clients have
/// sent again what got no answer, every customer's state must equal a fresh replay of its events.
/// </summary>
public sealed class CrashUnderLoadTests(DedicatedPostgresServer postgres, ITestOutputHelper output) : IClassFixture<DedicatedPostgresServer>
{
    private const int Seed = 6001;
    private const int Clients = 8;
    private const int Customers = 24;

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Kill_9_under_load_keeps_every_acknowledged_event_exactly_once_and_state_equals_a_fresh_replay(StorageProvider provider)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(Seed + (int)provider);
        var workload = new EventWorkload(Seed + (int)provider, Clients, Customers, "crash");
        await using var store = await EngineStoreUnderTest.CreateAsync(provider, postgres);

        ConcurrentClients traffic;
        TimeSpan killedAt;
        await using (var host = await HostProcess.StartAsync(store.HostSettings()))
        {
            traffic = ConcurrentClients.Start(host, workload, Clients, TrafficMode.StopWhenHostIsGone, clock);
            await traffic.WaitForAcknowledgedAsync(20, "before the kill");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2000)));
            killedAt = clock.Elapsed;
            await host.KillAsync();
            await traffic.StopAsync();
        }

        var sent = traffic.Batches;
        var acknowledged = sent.Where(b => b.IsAcknowledged).ToList();
        var unanswered = sent.Where(b => !b.IsAcknowledged).ToList();
        output.WriteLine($"{provider}: killed at {killedAt.TotalSeconds:0.000} s with {acknowledged.Count} batches acknowledged and {unanswered.Count} unanswered, {sent.Sum(b => b.Events.Count)} events in all");
        AttemptAudit.AssertEveryAnswer(sent, a => a.IsAccepted || a.IsConnectionFailure, "202s or, once the host was killed, no answer");

        IReadOnlyDictionary<string, JsonNode> afterRestart;
        await using (var restarted = await HostProcess.StartAsync(store.HostSettings()))
        {
            await Resender.ResendUntilAcceptedAsync(restarted, unanswered, clock);
            afterRestart = await Customer360Views.ReadAsync(restarted, EventBatch.CustomersOf(sent));
            Assert.Equal(0, await restarted.TerminateAsync());
        }

        AttemptAudit.AssertNothingRejected(sent);
        var log = await LogContents.ReadAsync(store, workload.CustomerIds);
        log.AssertHoldsExactlyOnce(acknowledged, $"acknowledged before the kill ({acknowledged.Count} batches; {unanswered.Count} got no answer)");
        log.AssertHoldsExactlyOnce(sent, "sent in all, the unanswered ones again after the restart");
        log.AssertHoldsNothingBut(sent);

        var replayed = await FreshReplay.ViewsAsync(provider, postgres, sent.SelectMany(b => b.Events), EventBatch.CustomersOf(sent));
        Customer360Views.AssertSame(replayed, afterRestart, "a fresh replay", "the engine restarted after kill -9");
    }
}
