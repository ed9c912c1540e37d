using CustomerEngine.Grains.Runtime;
using CustomerEngine.Grains.Runtime.Storage;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Grains.Nodes;

/// <summary>
/// A grain's state kept once per node on a store several nodes share (<c>{name}@{nodeId}</c>, see
/// <see cref="NodeOwnedName"/>): finding the other nodes' records, reading them, and claiming those
/// of nodes that are gone.
/// </summary>
internal sealed class NodeOwnedStates(IPersistentStateFactory states, IGrainContext context, INodeNotifications nodes, string name)
{
    /// <summary>This node's own name for the state: <c>{name}@{nodeId}</c>, or just <c>{name}</c> on a store no other node can share.</summary>
    public string Own { get; } = NodeOwnedName.ForThisNode(name, nodes);

    /// <summary>The names of the other nodes' records (and of one no node owns); none on a store no other node can share.</summary>
    public async Task<IReadOnlyList<string>> OthersAsync() =>
        nodes.IsShared ? [.. (await states.ListStoredAsync(context)).Where(stored => stored != Own && NodeOwnedName.IsA(stored, name))] : [];

    /// <summary>Reads the record <paramref name="stored"/> now, detached from the activation.</summary>
    public Task<IPersistentState<TState>> ReadAsync<TState>(string stored) where TState : class, new() =>
        states.ReadDetachedAsync<TState>(context, stored);

    /// <summary>What each other record holds, by its node (an empty id for one no node owns).</summary>
    public async Task<Dictionary<string, TState>> ReadOthersAsync<TState>() where TState : class, new()
    {
        var others = new Dictionary<string, TState>(StringComparer.Ordinal);
        foreach (var stored in await OthersAsync())
        {
            var theirs = await ReadAsync<TState>(stored);
            if (theirs.RecordExists)
            {
                others[NodeOwnedName.OwnerOf(stored) ?? string.Empty] = theirs.State;
            }
        }

        return others;
    }

    /// <summary>
    /// The names of the other records whose node is gone (or that no node owns), judged after the
    /// store's sessions were read again, so that a node connected before this call counts as alive.
    /// </summary>
    public async Task<IReadOnlyList<string>> GoneAsync(NodePeers peers)
    {
        ArgumentNullException.ThrowIfNull(peers);
        var others = await OthersAsync();
        if (others.Count == 0)
        {
            return others;
        }

        await peers.RefreshAsync(CancellationToken.None);
        return [.. others.Where(stored => NodeOwnedName.OwnerIsGone(stored, peers))];
    }

    /// <summary>
    /// Removes the records of nodes that are gone and returns what they held, by node, for the
    /// caller to make its own. A record is removed before the caller counts it, so two nodes
    /// claiming at once never both count it; one another node removed first is left to that node.
    /// </summary>
    public async Task<Dictionary<string, TState>> ClaimGoneAsync<TState>(NodePeers peers) where TState : class, new()
    {
        var claimed = new Dictionary<string, TState>(StringComparer.Ordinal);
        foreach (var stored in await GoneAsync(peers))
        {
            var theirs = await ReadAsync<TState>(stored);
            if (!theirs.RecordExists)
            {
                continue;
            }

            var held = theirs.State;
            try
            {
                await theirs.ClearStateAsync();
            }
            catch (GrainStateConflictException)
            {
                continue;
            }

            claimed[NodeOwnedName.OwnerOf(stored) ?? string.Empty] = held;
        }

        return claimed;
    }
}
