using System.Text;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Postgres.Tests.Support;

namespace CustomerEngine.Storage.Postgres.Tests.GrainState;

/// <summary>Two engine processes over one database: the database, not a process, decides which grain-state write is stale.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StaleWriteTests : IAsyncLifetime
{
    private static readonly GrainStateId Customer = new("ICustomerGrain", "c-1", "state");

    private TemporaryDatabase _database = null!;
    private PostgresEngineStore _nodeA = null!;
    private PostgresEngineStore _nodeB = null!;

    public async Task InitializeAsync()
    {
        _database = await TemporaryDatabase.CreateAsync();
        _nodeA = await _database.OpenStoreAsync();
        _nodeB = await _database.OpenStoreAsync();
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_write_based_on_a_version_another_node_replaced_raises_the_conflict_and_changes_nothing()
    {
        var read = await _nodeA.WriteAsync(Customer, Data("first"), 0);
        var replaced = await _nodeB.WriteAsync(Customer, Data("from node B"), read);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => _nodeA.WriteAsync(Customer, Data("stale from node A"), read));

        Assert.Equal((Customer, 1L, (long?)2), (conflict.StateId, conflict.ExpectedVersion, conflict.ActualVersion));
        var stored = await _nodeA.ReadAsync(Customer);
        Assert.Equal(replaced, stored?.Version);
        Assert.Equal(Data("from node B"), stored?.Data);
    }

    [Fact]
    public async Task Two_nodes_creating_the_same_state_at_once_have_exactly_one_winner()
    {
        var attempts = await Task.WhenAll(
            Task.Run(() => AttemptAsync(_nodeA, "A")),
            Task.Run(() => AttemptAsync(_nodeB, "B")));

        var winner = Assert.Single(attempts, attempt => attempt.Version == 1);
        var loser = Assert.Single(attempts, attempt => attempt.Conflict is not null);
        Assert.Equal(1, loser.Conflict!.ActualVersion);
        Assert.Equal(Data(winner.Node), (await _nodeB.ReadAsync(Customer))?.Data);
    }

    [Fact]
    public async Task A_clear_based_on_a_version_another_node_replaced_raises_the_conflict_and_keeps_the_state()
    {
        await _nodeA.WriteAsync(Customer, Data("first"), 0);
        await _nodeB.WriteAsync(Customer, Data("second"), 1);

        var conflict = await Assert.ThrowsAsync<GrainStateConflictException>(() => _nodeA.ClearAsync(Customer, 1));

        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(Data("second"), (await _nodeA.ReadAsync(Customer))?.Data);
    }

    private static async Task<(string Node, long? Version, GrainStateConflictException? Conflict)> AttemptAsync(PostgresEngineStore node, string name)
    {
        try
        {
            return (name, await node.WriteAsync(Customer, Data(name), 0), null);
        }
        catch (GrainStateConflictException conflict)
        {
            return (name, null, conflict);
        }
    }

    private static byte[] Data(string text) => Encoding.UTF8.GetBytes($$"""{"value":"{{text}}"}""");
}
