using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Storage.Notifications;

/// <summary>
/// The other nodes sharing the store now. Whether a node lives is the store's to say: its sessions
/// list the nodes connected (<see cref="INodeNotifications.ConnectedNodesAsync"/>), so a node that
/// died is gone at once and one that is slow to answer is not. Messages add what sessions cannot
/// tell: each node says hello when it starts and whenever its channel (re)connects, repeats that it
/// lives every <see cref="AliveEvery"/> and says goodbye when it stops; a node whose session stays
/// open but that is not heard from for <see cref="ForgetAfter"/> (its machine vanished without
/// closing the connection) is taken for gone. Services that keep something per node, or need do
/// nothing while a node is alone, build on <see cref="Joined"/>, <see cref="Left"/> and <see cref="Any"/>.
/// </summary>
public sealed class NodePeers : BackgroundService
{
    /// <summary>The topic of hellos, heartbeats and goodbyes.</summary>
    public const string Topic = "nodes";

    /// <summary>How often a node says it lives.</summary>
    public static readonly TimeSpan AliveEvery = TimeSpan.FromSeconds(30);

    /// <summary>How long a silent node is kept.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromSeconds(90);

    /// <summary>How often the store's sessions are read again.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    private readonly INodeNotifications _nodes;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _heardAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _departed = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt;

    // The store's sessions as last read, and when that read began; null until the first read.
    private volatile ConnectedNodes? _connected;

    /// <summary>Created by the container.</summary>
    public NodePeers(INodeNotifications nodes, TimeProvider clock)
    {
        _nodes = nodes;
        _clock = clock;
        _startedAt = clock.GetUtcNow();
        if (nodes.IsShared)
        {
            nodes.Subscribe(Topic, Heard);
            nodes.Connected += () => nodes.Publish(Topic, "hello");
        }
    }

    /// <summary>
    /// Whether another node may be alive: the store's sessions or a message say so, or they were
    /// not read yet. False on a store no other node can share.
    /// </summary>
    public bool Any
    {
        get
        {
            if (!_nodes.IsShared)
            {
                return false;
            }

            if (_connected is not { } connected || !_heardAt.IsEmpty)
            {
                return true;
            }

            foreach (var node in connected.Nodes)
            {
                if (MayBeAlive(node) && !IsSelf(node))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Whether the node <paramref name="nodeId"/> may be alive: it is this node; it was heard from
    /// since the last read of the store's sessions began (it spoke, so it was connected); or it was
    /// connected at that read and has not been silent for <see cref="ForgetAfter"/> (or this node is
    /// too young to tell). True for every node until the sessions are first read. A node that
    /// connected since the last read and has not spoken is not known yet, so read them again
    /// (<see cref="RefreshAsync"/>) before taking over anything a node owns when this is false.
    /// </summary>
    public bool MayBeAlive(string nodeId)
    {
        if (IsSelf(nodeId))
        {
            return true;
        }

        if (_departed.ContainsKey(nodeId))
        {
            return false;
        }

        if (_connected is not { } connected)
        {
            return true;
        }

        var now = _clock.GetUtcNow();
        var heard = _heardAt.TryGetValue(nodeId, out var heardAt);
        if (heard && heardAt >= connected.ReadFrom)
        {
            return true;
        }

        return connected.Nodes.Contains(nodeId) && ((heard && now - heardAt < ForgetAfter) || now - _startedAt < ForgetAfter);
    }

    /// <summary>
    /// Reads the store's sessions again, so that <see cref="MayBeAlive"/> knows of every node
    /// connected before this call, and raises <see cref="Left"/> for known nodes now gone.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (!_nodes.IsShared)
        {
            return;
        }

        var readFrom = _clock.GetUtcNow();
        var nodes = await _nodes.ConnectedNodesAsync(cancellationToken).ConfigureAwait(false);
        var connected = nodes.ToHashSet(StringComparer.Ordinal);
        _connected = new ConnectedNodes(connected, readFrom);

        // A node that said goodbye is remembered only until the sessions stop listing it; node ids
        // are new at every start, so keeping them all would grow with every restart of a peer.
        foreach (var node in _departed.Keys)
        {
            if (!connected.Contains(node))
            {
                _departed.TryRemove(node, out _);
            }
        }
        foreach (var (node, heardAt) in _heardAt)
        {
            if (!MayBeAlive(node) && _heardAt.TryRemove(new KeyValuePair<string, DateTimeOffset>(node, heardAt)))
            {
                Left?.Invoke(node);
            }
        }
    }

    /// <summary>
    /// What this node knows of the nodes sharing the store now: itself, every node connected when
    /// the store's sessions were last read, and every node heard from; ordered by id.
    /// </summary>
    public IReadOnlyList<KnownNode> Read()
    {
        var connected = _connected;
        var ids = new SortedSet<string>(StringComparer.Ordinal) { _nodes.NodeId };
        ids.UnionWith(_heardAt.Keys);
        if (connected is not null)
        {
            ids.UnionWith(connected.Nodes);
        }

        return [.. ids.Select(id => new KnownNode(
            id,
            IsSelf(id),
            connected?.Nodes.Contains(id) ?? (IsSelf(id) && !_nodes.IsShared),
            _heardAt.TryGetValue(id, out var heardAt) ? heardAt : null,
            MayBeAlive(id)))];
    }

    /// <summary>Whether <paramref name="nodeId"/> is this node's own id.</summary>
    public bool IsSelf(string nodeId) => nodeId == _nodes.NodeId;

    /// <summary>
    /// A node started, or came back to the channel, and knows nothing of this one's state: raised
    /// on the channel's thread with its id, also for a node this one already knew. Handlers must only queue.
    /// </summary>
    public event Action<string>? Joined;

    /// <summary>A node said goodbye or fell silent. Handlers must only queue.</summary>
    public event Action<string>? Left;

    /// <summary>Says goodbye, so the others stop sending to this node at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_nodes.IsShared)
        {
            _nodes.Publish(Topic, "bye");
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_nodes.IsShared)
        {
            return;
        }

        // Also said when the channel connects; saying it here too covers a connection made before
        // this service subscribed. A second hello costs the others one more answer.
        _nodes.Publish(Topic, "hello");
        var saidAliveAt = _clock.GetUtcNow();
        await RefreshQuietlyAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(CheckEvery, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_clock.GetUtcNow() - saidAliveAt >= AliveEvery)
                {
                    _nodes.Publish(Topic, "alive");
                    saidAliveAt = _clock.GetUtcNow();
                }

                await RefreshQuietlyAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // The store unreachable is an outage the rest of the engine reports; what was read last stays.
    private async Task RefreshQuietlyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RefreshAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Heard(NodeMessage message)
    {
        var node = message.SenderNodeId;
        switch (message.Payload)
        {
            case "bye":
                _departed[node] = 0;
                if (_heardAt.TryRemove(node, out _))
                {
                    Left?.Invoke(node);
                }

                return;
            case "hello":
                // Answered every time, not only the first: a node says hello again once its
                // listener is connected, because the answer to its first hello may have come before
                // it listened. A hello is not answered with a hello.
                HeardFirstTime(node);
                _nodes.Publish(Topic, "alive");
                Joined?.Invoke(node);
                return;
            default:
                if (HeardFirstTime(node))
                {
                    Joined?.Invoke(node);
                }

                return;
        }
    }

    private bool HeardFirstTime(string node)
    {
        var known = _heardAt.ContainsKey(node);
        _heardAt[node] = _clock.GetUtcNow();
        return !known;
    }

    // A node that spoke after ReadFrom was connected then, whether or not the read saw it.
    private sealed record ConnectedNodes(HashSet<string> Nodes, DateTimeOffset ReadFrom);
}
