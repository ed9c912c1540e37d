using CustomerEngine.Grains.Runtime.Reminders;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Conformance.Customers;
using CustomerEngine.Storage.Conformance.Events;
using CustomerEngine.Storage.Customers;

namespace CustomerEngine.Storage.Conformance.Lifecycle;

/// <summary>What every <see cref="IEngineStore"/> must do as a whole: start empty, initialize idempotently, answer pings.</summary>
public abstract class EngineStoreLifecycleConformance : EngineStoreConformanceBase
{
    [Fact]
    public async Task New_store_is_empty()
    {
        Assert.Equal(0, await Store.CountAsync());
        Assert.Equal(0, (await Store.QueryAsync(new CustomerQuery(null, null, null, null, 1, 10))).Total);
        Assert.Empty(await ReminderTable.ReadDueAsync(DateTimeOffset.MaxValue, 10));
        Assert.Empty(await CustomerIndex.ReadDueAsync(DateTimeOffset.MaxValue, 10));
    }

    [Fact]
    public async Task Initializing_again_keeps_everything_stored()
    {
        var state = new GrainStateId("ICustomerGrain", "c-1", "state");
        await Store.AppendAsync([SampleEvents.Event("e1", "c-1")]);
        await Store.WriteAsync(state, new byte[] { 1, 2, 3 }, 0);
        await Store.UpsertAsync([SampleCustomers.Active("c-1")]);
        await Store.UpsertAsync(new ReminderEntry("ICustomerGrain", "c-1", "follow-up", SampleEvents.Origin, TimeSpan.FromDays(1)));

        await Store.InitializeAsync();

        Assert.Equal(1, await Store.CountAsync());
        Assert.Equal(1, (await Store.ReadAsync(state))?.Version);
        Assert.Equal(1, (await Store.QueryAsync(new CustomerQuery(null, null, null, null, 1, 10))).Total);
        Assert.Single(await Store.ReadForGrainAsync("ICustomerGrain", "c-1"));
    }

    [Fact]
    public async Task Ping_succeeds_on_an_initialized_store()
    {
        await Store.PingAsync();
    }

    [Fact]
    public async Task Ping_succeeds_while_writes_are_in_flight()
    {
        var appends = Enumerable.Range(0, 20).Select(i => Store.AppendAsync([SampleEvents.Event($"e{i}", "s1")])).ToList();

        await Store.PingAsync();

        await Task.WhenAll(appends);
        Assert.Equal(20, await Store.CountAsync());
    }
}
