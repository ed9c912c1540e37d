using CustomerEngine.Grains.Runtime.Storage;

namespace CustomerEngine.Grains.Runtime.Tests.State;

public sealed class InMemoryGrainStateStoreTests
{
    private static readonly GrainStateId Id = new("IGrain", "k", "state");

    [Fact]
    public async Task Each_write_advances_the_version_by_one()
    {
        var store = new InMemoryGrainStateStore();

        var first = await store.WriteAsync(Id, new byte[] { 1 }, 0);
        var second = await store.WriteAsync(Id, new byte[] { 2 }, first);

        Assert.Equal(1, first);
        Assert.Equal(2, second);
        var stored = await store.ReadAsync(Id);
        Assert.Equal(new byte[] { 2 }, stored!.Data);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Write_with_a_stale_version_throws_and_changes_nothing()
    {
        var store = new InMemoryGrainStateStore();
        await store.WriteAsync(Id, new byte[] { 1 }, 0);
        await store.WriteAsync(Id, new byte[] { 2 }, 1);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => store.WriteAsync(Id, new byte[] { 3 }, 1));

        Assert.Equal(2, conflict.ActualVersion);
        var stored = await store.ReadAsync(Id);
        Assert.Equal(new byte[] { 2 }, stored!.Data);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Creating_over_an_existing_record_is_a_conflict()
    {
        var store = new InMemoryGrainStateStore();
        await store.WriteAsync(Id, new byte[] { 1 }, 0);

        await Assert.ThrowsAsync<GrainStateConflictException>(() => store.WriteAsync(Id, new byte[] { 9 }, 0));
    }

    [Fact]
    public async Task Of_two_racing_writers_from_one_version_exactly_one_wins()
    {
        var store = new InMemoryGrainStateStore();
        await store.WriteAsync(Id, new byte[] { 0 }, 0);

        var writers = Enumerable.Range(1, 16)
            .Select(value => Task.Run(() => store.WriteAsync(Id, new byte[] { (byte)value }, 1)))
            .ToList();
        var outcomes = await Task.WhenAll(writers.Select(async writer =>
        {
            try
            {
                await writer;
                return true;
            }
            catch (GrainStateConflictException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
        Assert.Equal(2, (await store.ReadAsync(Id))!.Version);
    }

    [Fact]
    public async Task Clear_with_a_stale_version_throws_and_keeps_the_record()
    {
        var store = new InMemoryGrainStateStore();
        await store.WriteAsync(Id, new byte[] { 1 }, 0);
        await store.WriteAsync(Id, new byte[] { 2 }, 1);

        await Assert.ThrowsAsync<GrainStateConflictException>(() => store.ClearAsync(Id, 1));
        Assert.NotNull(await store.ReadAsync(Id));

        await store.ClearAsync(Id, 2);
        Assert.Null(await store.ReadAsync(Id));
    }

    [Fact]
    public async Task Changing_a_read_array_does_not_change_what_is_stored()
    {
        var store = new InMemoryGrainStateStore();
        await store.WriteAsync(Id, new byte[] { 1 }, 0);

        (await store.ReadAsync(Id))!.Data[0] = 99;

        Assert.Equal(new byte[] { 1 }, (await store.ReadAsync(Id))!.Data);
    }
}
