using System.Diagnostics;
using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Customers;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Tests.Writing;

/// <summary>
/// The store outlives a restart of its server: what is under way while the server is down fails
/// (it never hangs), the writer loop and the batched reads keep running, and once the server is
/// back the same store writes and reads again. A server of its own, since it is stopped.
/// </summary>
public sealed class ServerRestartTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Writes_fail_while_the_server_is_down_and_the_same_store_writes_and_reads_again_once_it_is_back()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        await using var database = await TemporaryDatabase.CreateAsync(server);
        await using var store = await database.OpenStoreAsync();
        await store.AppendAsync([SampleEvents.Event("before", "s1")]);

        await server.ShutDownAsync();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.AppendAsync([SampleEvents.Event("during", "s1")]).WaitAsync(Bound));
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => store.ReadStreamStatsAsync(["s1"]).WaitAsync(Bound));
        await Assert.ThrowsAnyAsync<Exception>(() => store.PingAsync().WaitAsync(Bound));
        await server.StartAgainAsync();

        // A pooled connection from before the restart fails on its first use, so the first calls
        // may still fail; the promise is that the store comes back by itself, soon.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await store.AppendAsync([SampleEvents.Event("after", "s1")]).WaitAsync(Bound);
                break;
            }
            catch (NpgsqlException) when (deadline.Elapsed < Bound)
            {
                await Task.Delay(100);
            }
        }

        await store.AppendAsync([SampleEvents.Event("later", "s1")]);
        await store.PingAsync();
        var stored = await store.ReadStreamsAsync(["s1"], afterSequence: 0);

        Assert.Equal(["before", "after", "later"], stored.Select(e => e.EventId));
    }

    [Fact]
    public async Task After_a_restart_the_first_read_and_the_first_write_succeed_on_fresh_connections()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        await using var database = await TemporaryDatabase.CreateAsync(server);
        await using var store = await database.OpenStoreAsync();

        // Connections from before the restart: the writer's own, and pooled ones the reads used.
        await store.AppendAsync([SampleEvents.Event("before", "s1")]);
        await store.ReadStreamsAsync(["s1"], afterSequence: 0);
        await store.ReadStreamStatsAsync(["s1"]);

        await server.ShutDownAsync();
        await server.StartAgainAsync();

        // Nothing failed while the server was down, so only using the dead connections can reveal
        // them; a producer or a reader must not be told 503 by a server that is up. The read goes
        // first: the writer's retry would otherwise have replaced the pool's connections already.
        var stats = await store.ReadStreamStatsAsync(["s1"]).WaitAsync(Bound);
        await store.AppendAsync([SampleEvents.Event("after", "s1")]).WaitAsync(Bound);
        var stored = await store.ReadStreamsAsync(["s1"], afterSequence: 0).WaitAsync(Bound);

        Assert.Equal(1, stats.Count);
        Assert.Equal(["before", "after"], stored.Select(e => e.EventId));
    }

    [Fact]
    public async Task After_a_restart_the_first_customer_list_and_counts_are_served()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        await using var database = await TemporaryDatabase.CreateAsync(server);
        await using var store = await database.OpenStoreAsync();
        await store.UpsertAsync([SampleCustomers.Active("c1")]);
        var everyone = new CustomerQuery(null, null, null, null, 1, 10);
        await store.QueryAsync(everyone);
        await store.CountCustomersAsync();

        await server.ShutDownAsync();
        await server.StartAgainAsync();

        var page = await store.QueryAsync(everyone).WaitAsync(Bound);
        var counts = await store.CountCustomersAsync().WaitAsync(Bound);

        Assert.Equal(["c1"], page.Items.Select(c => c.CustomerId));
        Assert.Equal(1, counts.Total);
    }

    [Fact]
    public async Task After_a_restart_the_first_background_reads_are_served_each_on_a_fresh_connection()
    {
        await using var server = await PostgresServer.StartDedicatedAsync();
        await using var database = await TemporaryDatabase.CreateAsync(server);
        await using var store = await database.OpenStoreAsync();
        var origin = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        await store.AppendAsync([SampleEvents.Event("p1", "c1")]);
        await store.UpsertAsync([SampleCustomers.Active("c1")]);
        await store.UpsertAsync(new ReminderEntry("IEngineMaintenanceGrain", "engine", "lifecycle-sweep", origin, TimeSpan.FromMinutes(1)));

        // Each read is the first after its own restart, so it meets a connection the server closed.
        var reads = new (string What, Func<Task<int>> Read)[]
        {
            ("due reminders", async () => (await ((IReminderTable)store).ReadDueAsync(origin, 10)).Count),
            ("a grain's reminders", async () => (await store.ReadForGrainAsync("IEngineMaintenanceGrain", "engine")).Count),
            ("a scan of the log", async () => (await store.ScanAsync("purchase", 0, 10)).Count),
            ("the log's count", async () => (int)await store.CountAsync()),
            ("the value inputs", async () => await store.ReadValueInputsAsync().CountAsync()),
            ("the erasures", async () => (await store.ReadErasuresAsync(null, 10)).Count + 1),
        };
        foreach (var (what, read) in reads)
        {
            Assert.True(await read() > 0, $"{what} before the restart");
            await server.ShutDownAsync();
            await server.StartAgainAsync();

            Assert.True(await read().WaitAsync(Bound) > 0, $"{what} after the restart");
        }
    }
}
