using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Storage.Notifications;

/// <summary>
/// The other nodes sharing the store now. Each node says hello when it starts and whenever its
/// channel (re)connects, repeats that it lives every <see cref="AliveEvery"/> and says goodbye when
/// it stops; a node not heard from for <see cref="ForgetAfter"/> is taken for gone (it died without
/// a word). Services that keep something per node, or need do nothing while a node is alone, build
/// on <see cref="Joined"/>, <see cref="Left"/> and <see cref="Any"/>.
/// </summary>
public sealed class NodePeers : BackgroundService
{
    /// <summary>The topic of hellos, heartbeats and goodbyes.</summary>
    public const string Topic = "nodes";

    /// <summary>How often a node says it lives.</summary>
    public static readonly TimeSpan AliveEvery = TimeSpan.FromSeconds(30);

    /// <summary>How long a silent node is kept.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromSeconds(90);

    private readonly INodeNotifications _nodes;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _heardAt = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _startedAt;

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

    /// <summary>How long after its start a node waits for the others' answers before it takes itself to be alone.</summary>
    public static readonly TimeSpan ListenFirst = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Whether another node may be alive: one was heard from, or this node started too recently to
    /// have heard the answers to its hello. False on a store no other node can share.
    /// </summary>
    public bool Any => _nodes.IsShared && (!_heardAt.IsEmpty || _clock.GetUtcNow() - _startedAt < ListenFirst);

    /// <summary>
    /// Whether the node <paramref name="nodeId"/> may be alive: it is this node, it was heard from
    /// within <see cref="ForgetAfter"/>, or this node started too recently to know. Something a node
    /// owns may be taken over by another only when this is false.
    /// </summary>
    public bool MayBeAlive(string nodeId) =>
        IsSelf(nodeId) || _heardAt.ContainsKey(nodeId) || _clock.GetUtcNow() - _startedAt < ListenFirst;

    /// <summary>
    /// Completes once this node has listened for <see cref="ListenFirst"/> since its start, so that
    /// <see cref="MayBeAlive"/> is false for a node that did not answer: one that is gone, such as
    /// a previous run of this node.
    /// </summary>
    public Task SettledAsync(CancellationToken cancellationToken)
    {
        var remaining = _startedAt + ListenFirst - _clock.GetUtcNow();
        return remaining > TimeSpan.Zero ? Task.Delay(remaining, _clock, cancellationToken) : Task.CompletedTask;
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
        using var timer = new PeriodicTimer(AliveEvery, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _nodes.Publish(Topic, "alive");
                var cutoff = _clock.GetUtcNow() - ForgetAfter;
                foreach (var (node, heardAt) in _heardAt)
                {
                    if (heardAt < cutoff && _heardAt.TryRemove(new KeyValuePair<string, DateTimeOffset>(node, heardAt)))
                    {
                        Left?.Invoke(node);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Heard(NodeMessage message)
    {
        var node = message.SenderNodeId;
        switch (message.Payload)
        {
            case "bye":
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
}
