using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Grains.Runtime.Tests.Grains;
using CustomerEngine.Grains.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerEngine.Grains.Runtime.Tests.State;

public sealed class PersistentStateTests
{
    private static GrainStateId CounterStateId(string key) => new(typeof(ICounterGrain).FullName!, key, CounterGrain.StateName);

    [Fact]
    public async Task Stored_state_is_read_before_OnActivateAsync()
    {
        await using var harness = GrainRuntimeHarness.Create();
        await harness.Store.WriteAsync(CounterStateId("k"), Encoding.UTF8.GetBytes("""{"count":41}"""), expectedVersion: 0);

        var grain = harness.Grains.GetGrain<ICounterGrain>("k");

        Assert.Equal(41, await grain.GetCountAsync());
        Assert.Equal(1, await grain.GetVersionAsync());
        Assert.True(await grain.GetRecordExistsAsync());
        Assert.Equal(["activate k count=41"], harness.Lifecycle.Events);
    }

    [Fact]
    public async Task Missing_state_starts_as_a_new_instance_at_version_zero()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");

        Assert.Equal(0, await grain.GetCountAsync());
        Assert.Equal(0, await grain.GetVersionAsync());
        Assert.False(await grain.GetRecordExistsAsync());
    }

    [Fact]
    public async Task State_is_written_only_when_the_grain_writes_it_as_web_json()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");

        await grain.IncrementAsync();
        await grain.IncrementAsync();
        Assert.Null(await harness.Store.ReadAsync(CounterStateId("k")));

        await grain.SaveAsync();

        var stored = await harness.Store.ReadAsync(CounterStateId("k"));
        Assert.NotNull(stored);
        Assert.Equal("""{"count":2}""", Encoding.UTF8.GetString(stored.Data));
        Assert.Equal(1, stored.Version);
        Assert.Equal(1, await grain.GetVersionAsync());
    }

    [Fact]
    public async Task Stale_write_throws_conflict_keeps_the_stored_state_and_ends_the_activation_so_the_next_call_reads_it()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var probe = harness.Lifecycle;
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        await grain.SaveAsync();

        // Someone else writes behind the grain's back.
        await harness.Store.WriteAsync(CounterStateId("k"), Encoding.UTF8.GetBytes("""{"count":100}"""), expectedVersion: 1);
        await grain.IncrementAsync();

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => grain.SaveAsync());

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        var stored = await harness.Store.ReadAsync(CounterStateId("k"));
        Assert.Equal("""{"count":100}""", Encoding.UTF8.GetString(stored!.Data));
        Assert.Equal(2, stored.Version);
        Assert.Equal(DeactivationReason.StateConflict, await probe.WhenDeactivationFinishedAsync("k").WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(100, await grain.GetCountAsync());
        Assert.Equal(2, await grain.GetVersionAsync());
    }

    [Fact]
    public async Task Two_runtimes_over_one_store_cannot_both_write_from_the_same_version_and_the_loser_catches_up()
    {
        var store = new InMemoryGrainStateStore();
        void ShareStore(IServiceCollection services) => services.AddSingleton(store).AddSingleton<IGrainStateStore>(store);
        await using var first = GrainRuntimeHarness.Create(services: ShareStore);
        await using var second = GrainRuntimeHarness.Create(services: ShareStore);
        var inFirst = first.Grains.GetGrain<ICounterGrain>("k");
        var inSecond = second.Grains.GetGrain<ICounterGrain>("k");
        await inFirst.IncrementAsync();
        await inSecond.IncrementAsync();
        await inSecond.IncrementAsync();

        await inFirst.SaveAsync();
        await Assert.ThrowsAsync<GrainStateConflictException>(() => inSecond.SaveAsync());

        var stored = await store.ReadAsync(CounterStateId("k"));
        Assert.Equal("""{"count":1}""", Encoding.UTF8.GetString(stored!.Data));

        // The losing activation is gone; its successor starts from what the winner stored and can write.
        Assert.Equal(DeactivationReason.StateConflict, await second.Lifecycle.WhenDeactivationFinishedAsync("k").WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, await inSecond.GetVersionAsync());
        Assert.Equal(2, await inSecond.IncrementAsync());
        await inSecond.SaveAsync();
        Assert.Equal("""{"count":2}""", Encoding.UTF8.GetString((await store.ReadAsync(CounterStateId("k")))!.Data));
    }

    [Fact]
    public async Task Clearing_state_removes_the_record_and_resets_state_and_version()
    {
        await using var harness = GrainRuntimeHarness.Create();
        var grain = harness.Grains.GetGrain<ICounterGrain>("k");
        await grain.IncrementAsync();
        await grain.SaveAsync();

        await grain.ClearAsync();

        Assert.Null(await harness.Store.ReadAsync(CounterStateId("k")));
        Assert.Equal(0, await grain.GetCountAsync());
        Assert.Equal(0, await grain.GetVersionAsync());
        Assert.False(await grain.GetRecordExistsAsync());
        await grain.IncrementAsync();
        await grain.SaveAsync();
        Assert.Equal(1, await grain.GetVersionAsync());
    }
}
