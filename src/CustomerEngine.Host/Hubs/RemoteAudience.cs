using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Host.Hubs;

/// <summary>
/// Which groups of <see cref="EngagementHub"/> have connections on the other nodes sharing the store,
/// so that a push is relayed to them only when someone there would receive it. Each node announces
/// the groups it starts and stops watching as it happens, and its whole set when it (re)connects,
/// when another node joins (<see cref="NodePeers"/>) and every <see cref="AnnounceEvery"/> to repair
/// anything missed; a node's groups are dropped when it leaves. On a store no other node shares, it
/// watches nothing and sends nothing.
/// </summary>
public sealed class RemoteAudience : BackgroundService
{
    /// <summary>The topic of audience announcements.</summary>
    public const string Topic = "dashboards.audience";

    /// <summary>How often a node repeats its whole set.</summary>
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(30);

    // Keeps a whole set's messages under a notification's size even with long customer ids.
    private const int GroupsPerMessage = 40;

    private readonly INodeNotifications _nodes;
    private readonly DashboardAudience _local;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _groupsByNode = new(StringComparer.Ordinal);

    // How many other nodes watch each group: written under the gate, read without it on every publish.
    private readonly WatchCounts _nodesWatching = new();

    /// <summary>Created by the container.</summary>
    public RemoteAudience(INodeNotifications nodes, NodePeers peers, DashboardAudience local, TimeProvider clock)
    {
        _nodes = nodes;
        _local = local;
        _clock = clock;
        if (nodes.IsShared)
        {
            nodes.Subscribe(Topic, Heard);
            local.WatchChanged += (group, watching) => nodes.Publish(Topic, (watching ? "+\n" : "-\n") + group);
            nodes.Connected += AnnounceAll;
            peers.Joined += _ => AnnounceAll();
            peers.Left += node =>
            {
                lock (_gate)
                {
                    Forget(node);
                }
            };
        }
    }

    /// <summary>Whether a connection on another node is in <paramref name="group"/>.</summary>
    public bool Watches(string group) => _nodesWatching.Contains(group);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_nodes.IsShared)
        {
            return;
        }

        AnnounceAll();
        using var timer = new PeriodicTimer(AnnounceEvery, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                AnnounceAll();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void AnnounceAll() => _local.WithWatched(groups =>
    {
        // The first message replaces the set the others hold for this node; the rest add to it.
        _nodes.Publish(Topic, "set\n" + string.Join('\n', groups.Take(GroupsPerMessage)));
        foreach (var chunk in groups.Skip(GroupsPerMessage).Chunk(GroupsPerMessage))
        {
            _nodes.Publish(Topic, "+\n" + string.Join('\n', chunk));
        }
    });

    private void Heard(NodeMessage message)
    {
        var lines = message.Payload.Split('\n');
        var node = message.SenderNodeId;
        lock (_gate)
        {
            switch (lines[0])
            {
                case "set":
                    Forget(node);
                    Add(node, lines.AsSpan(1));
                    break;
                case "+":
                    Add(node, lines.AsSpan(1));
                    break;
                case "-":
                    Remove(node, lines.AsSpan(1));
                    break;
            }
        }
    }

    private void Add(string node, ReadOnlySpan<string> groups)
    {
        if (!_groupsByNode.TryGetValue(node, out var held))
        {
            held = new HashSet<string>(StringComparer.Ordinal);
            _groupsByNode[node] = held;
        }

        foreach (var group in groups)
        {
            if (group.Length > 0 && held.Add(group))
            {
                _nodesWatching.Add(group);
            }
        }
    }

    private void Remove(string node, ReadOnlySpan<string> groups)
    {
        if (!_groupsByNode.TryGetValue(node, out var held))
        {
            return;
        }

        foreach (var group in groups)
        {
            if (held.Remove(group))
            {
                _nodesWatching.Remove(group);
            }
        }
    }

    private void Forget(string node)
    {
        if (_groupsByNode.Remove(node, out var held))
        {
            foreach (var group in held)
            {
                _nodesWatching.Remove(group);
            }
        }
    }
}
