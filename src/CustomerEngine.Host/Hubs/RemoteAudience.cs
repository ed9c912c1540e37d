using System.Collections.Concurrent;
using CustomerEngine.Storage.Notifications;

namespace CustomerEngine.Host.Hubs;

/// <summary>
/// Which groups of <see cref="EngagementHub"/> have connections on the other nodes sharing the store,
/// so that a push is relayed to them only when someone there would receive it. Each node announces
/// the groups it starts and stops watching as it happens, its whole set when it (re)connects, when
/// another node says hello and every <see cref="AnnounceEvery"/>; a node not heard from for
/// <see cref="ForgetAfter"/> is forgotten, as one that died without saying goodbye. On a store no
/// other node shares, it watches nothing and sends nothing.
/// </summary>
public sealed class RemoteAudience : BackgroundService
{
    /// <summary>The topic of audience announcements.</summary>
    public const string Topic = "dashboards.audience";

    /// <summary>How often a node repeats its whole set, which is also how others know it lives.</summary>
    public static readonly TimeSpan AnnounceEvery = TimeSpan.FromSeconds(30);

    /// <summary>How long a silent node's groups are kept.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromSeconds(90);

    // Keeps a whole set's messages under a notification's size even with long customer ids.
    private const int GroupsPerMessage = 40;

    private readonly INodeNotifications _nodes;
    private readonly DashboardAudience _local;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, HashSet<string>> _groupsByNode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _heardAt = new(StringComparer.Ordinal);

    // Written under the gate; read without it on every publish.
    private readonly ConcurrentDictionary<string, int> _nodesWatching = new(StringComparer.Ordinal);

    /// <summary>Created by the container.</summary>
    public RemoteAudience(INodeNotifications nodes, DashboardAudience local, TimeProvider clock)
    {
        _nodes = nodes;
        _local = local;
        _clock = clock;
        if (nodes.IsShared)
        {
            nodes.Subscribe(Topic, Heard);
            local.WatchChanged += (group, watching) => nodes.Publish(Topic, (watching ? "+\n" : "-\n") + group);
            nodes.Connected += () =>
            {
                nodes.Publish(Topic, "hello");
                AnnounceAll();
            };
        }
    }

    /// <summary>Whether a connection on another node is in <paramref name="group"/>.</summary>
    public bool Watches(string group) => _nodesWatching.ContainsKey(group);

    /// <summary>Says goodbye, so other nodes stop relaying at once rather than after <see cref="ForgetAfter"/>.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_nodes.IsShared)
        {
            _nodes.Publish(Topic, "bye");
        }

        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_nodes.IsShared)
        {
            return;
        }

        // Also said when the channel connects; saying it here too covers a connection made before
        // this service subscribed. A second hello only costs the others one more announcement.
        _nodes.Publish(Topic, "hello");
        AnnounceAll();
        using var timer = new PeriodicTimer(AnnounceEvery, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                AnnounceAll();
                ForgetSilentNodes();
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
            _heardAt[node] = _clock.GetUtcNow();
            switch (lines[0])
            {
                case "hello":
                    break;
                case "bye":
                    Forget(node);
                    return;
                case "set":
                    Forget(node);
                    _heardAt[node] = _clock.GetUtcNow();
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

        if (lines[0] == "hello")
        {
            AnnounceAll();
        }
    }

    private void ForgetSilentNodes()
    {
        var cutoff = _clock.GetUtcNow() - ForgetAfter;
        lock (_gate)
        {
            foreach (var (node, heardAt) in _heardAt.ToList())
            {
                if (heardAt < cutoff)
                {
                    Forget(node);
                }
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
                _nodesWatching[group] = _nodesWatching.GetValueOrDefault(group) + 1;
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
                Unwatch(group);
            }
        }
    }

    private void Forget(string node)
    {
        _heardAt.Remove(node);
        if (_groupsByNode.Remove(node, out var held))
        {
            foreach (var group in held)
            {
                Unwatch(group);
            }
        }
    }

    private void Unwatch(string group)
    {
        var left = _nodesWatching[group] - 1;
        if (left == 0)
        {
            _nodesWatching.TryRemove(group, out _);
        }
        else
        {
            _nodesWatching[group] = left;
        }
    }
}
