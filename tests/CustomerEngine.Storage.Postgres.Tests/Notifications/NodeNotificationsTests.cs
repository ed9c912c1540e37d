using System.Threading.Channels;
using CustomerEngine.Storage.Notifications;
using CustomerEngine.Storage.Postgres.Notifications;
using CustomerEngine.Storage.Postgres.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerEngine.Storage.Postgres.Tests.Notifications;

/// <summary>Messages between nodes sharing one database, through LISTEN/NOTIFY.</summary>
[Collection(PostgresCollection.Name)]
public sealed class NodeNotificationsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private TemporaryDatabase _database = null!;
    private readonly List<PostgresNodeNotifications> _nodes = [];

    public async Task InitializeAsync()
    {
        _database = await TemporaryDatabase.CreateAsync();

        // The migrations create the table long messages are stored in.
        await (await _database.OpenStoreAsync()).DisposeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync(CancellationToken.None);
            node.Dispose();
        }

        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Another_node_hears_every_message_in_publishing_order_long_ones_included_and_the_sender_hears_none()
    {
        var (sender, sent) = await StartNodeAsync("pushes");
        var (receiver, received) = await StartNodeAsync("pushes");
        var published = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            // Every seventh is far over NOTIFY's 8,000 bytes and travels through the bodies table;
            // another fits a notification only alone; the short ones share notifications.
            var payload = (i % 7) switch
            {
                3 => $"{i}:" + new string('é', 6_000),
                5 => $"{i}:" + new string('é', 3_500),
                _ => $"{i}:short\u001f12:x",
            };
            published.Add(payload);
            sender.Publish("pushes", payload);
        }

        var heard = new List<NodeMessage>();
        while (heard.Count < published.Count)
        {
            heard.Add(await received.ReadAsync().AsTask().WaitAsync(Patience));
        }

        Assert.Equal(published, heard.Select(m => m.Payload));
        Assert.All(heard, m => Assert.Equal(sender.NodeId, m.SenderNodeId));
        receiver.Publish("pushes", "back");
        Assert.Equal("back", (await sent.ReadAsync().AsTask().WaitAsync(Patience)).Payload);
        Assert.False(received.TryRead(out _));
    }

    [Fact]
    public async Task A_subscriber_hears_only_its_topic_and_nothing_once_unsubscribed()
    {
        var (sender, _) = await StartNodeAsync("other");
        var receiver = Start();
        var audience = Channel.CreateUnbounded<NodeMessage>();
        var pushes = Channel.CreateUnbounded<NodeMessage>();
        var subscription = receiver.Subscribe("audience", m => audience.Writer.TryWrite(m));
        receiver.Subscribe("pushes", m => pushes.Writer.TryWrite(m));
        await ConnectedAsync(receiver);

        sender.Publish("pushes", "not for the audience");
        sender.Publish("audience", "+\nstore:S1");
        Assert.Equal("+\nstore:S1", (await audience.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Payload);

        subscription.Dispose();
        sender.Publish("audience", "-\nstore:S1");
        sender.Publish("pushes", "marker");

        // Published after the second audience message, so heard after it was (or was not) handed over.
        Assert.Equal("not for the audience", (await pushes.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Payload);
        Assert.Equal("marker", (await pushes.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Payload);
        Assert.False(audience.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Nodes_learn_of_each_other_whichever_starts_first_and_of_a_goodbye()
    {
        var clock = new ShiftedClock();
        var first = Start();
        var firstPeers = new NodePeers(first, clock);

        // Alone, but it cannot know that before it has read the server's sessions.
        Assert.True(firstPeers.Any);
        var joined = Channel.CreateUnbounded<string>();
        var left = Channel.CreateUnbounded<string>();
        firstPeers.Joined += node => joined.Writer.TryWrite(node);
        firstPeers.Left += node => left.Writer.TryWrite(node);
        await ConnectedAsync(first);
        await firstPeers.StartAsync(CancellationToken.None);
        await firstPeers.RefreshAsync(CancellationToken.None);
        Assert.False(firstPeers.Any);

        var second = Start();
        var secondPeers = new NodePeers(second, clock);
        var secondJoined = Channel.CreateUnbounded<string>();
        secondPeers.Joined += node => secondJoined.Writer.TryWrite(node);
        await ConnectedAsync(second);
        await secondPeers.StartAsync(CancellationToken.None);

        // The newcomer says hello; the first answers, so each knows the other.
        Assert.Equal(second.NodeId, await joined.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        Assert.Equal(first.NodeId, await secondJoined.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        Assert.True(firstPeers.Any);
        Assert.True(secondPeers.Any);

        // A hello from a node already known is answered too: the answer to a node's first hello can
        // come before its listener is connected, and it says hello again once it is.
        var secondHears = Channel.CreateUnbounded<NodeMessage>();
        using (second.Subscribe(NodePeers.Topic, m => secondHears.Writer.TryWrite(m)))
        {
            second.Publish(NodePeers.Topic, "hello");
            var answer = await secondHears.Reader.ReadAsync().AsTask().WaitAsync(Patience);
            Assert.Equal((first.NodeId, "alive"), (answer.SenderNodeId, answer.Payload));
        }

        await secondPeers.StopAsync(CancellationToken.None);
        Assert.Equal(second.NodeId, await left.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        Assert.False(firstPeers.Any);
        await firstPeers.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_server_lists_the_nodes_connected_and_forgets_one_as_soon_as_its_connections_close()
    {
        var (first, _) = await StartNodeAsync("any");
        var (second, _) = await StartNodeAsync("any");

        var connected = await first.ConnectedNodesAsync(CancellationToken.None);
        Assert.Equal(new[] { first.NodeId, second.NodeId }.Order(), connected.Order());

        await CloseAsync(second);
        await UntilAsync(async () => (await first.ConnectedNodesAsync(CancellationToken.None)).SequenceEqual([first.NodeId]));
    }

    [Fact]
    public async Task A_node_that_does_not_answer_stays_alive_while_connected_and_one_that_died_is_gone_at_once()
    {
        var clock = new ShiftedClock();
        var first = Start();
        var firstPeers = new NodePeers(first, clock);
        var left = Channel.CreateUnbounded<string>();
        firstPeers.Left += node => left.Writer.TryWrite(node);
        await ConnectedAsync(first);
        await firstPeers.StartAsync(CancellationToken.None);

        // A node connected that never says a word (its hello lost, its threads busy): never taken
        // for gone while its session is open, so nobody takes over what it owns.
        var (silent, _) = await StartNodeAsync("unrelated");
        await firstPeers.RefreshAsync(CancellationToken.None);
        Assert.True(firstPeers.MayBeAlive(silent.NodeId));
        Assert.True(firstPeers.Any);

        // A node that answers, then dies without a goodbye: gone once the sessions are read again,
        // not 90 s later.
        var joined = Channel.CreateUnbounded<string>();
        firstPeers.Joined += node => joined.Writer.TryWrite(node);
        var dying = Start();
        var dyingPeers = new NodePeers(dying, clock);
        await ConnectedAsync(dying);
        await dyingPeers.StartAsync(CancellationToken.None);
        Assert.Equal(dying.NodeId, await joined.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        await CloseAsync(dying);

        // The server lists a session until its process has ended, a moment after the connection closed.
        await UntilAsync(async () =>
        {
            await firstPeers.RefreshAsync(CancellationToken.None);
            return !firstPeers.MayBeAlive(dying.NodeId);
        });
        Assert.Equal(dying.NodeId, await left.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        Assert.True(firstPeers.MayBeAlive(silent.NodeId));

        // A previous run of a node (another id, never connected now) is gone from the first read.
        Assert.False(firstPeers.MayBeAlive(Guid.NewGuid().ToString("N")));

        // A session left open by a machine that vanished: taken for gone once silent for 90 s.
        clock.Shift(NodePeers.ForgetAfter + TimeSpan.FromSeconds(1));
        await firstPeers.RefreshAsync(CancellationToken.None);
        Assert.False(firstPeers.MayBeAlive(silent.NodeId));
        Assert.False(firstPeers.Any);
        await dyingPeers.StopAsync(CancellationToken.None);
        await firstPeers.StopAsync(CancellationToken.None);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_node_that_speaks_while_the_sessions_are_being_read_is_not_taken_for_gone_for_missing_from_them()
    {
        var clock = new ShiftedClock();
        var first = Start();
        await ConnectedAsync(first);
        var slowRead = new HeldSessionsRead(first);
        var firstPeers = new NodePeers(slowRead, clock);
        var joined = Channel.CreateUnbounded<string>();
        var left = Channel.CreateUnbounded<string>();
        firstPeers.Joined += node => joined.Writer.TryWrite(node);
        firstPeers.Left += node => left.Writer.TryWrite(node);
        await firstPeers.RefreshAsync(CancellationToken.None);

        // The server answers before the newcomer connects; its hello arrives before the answer is used.
        slowRead.Hold();
        var refreshing = firstPeers.RefreshAsync(CancellationToken.None);
        await slowRead.Answered.WaitAsync(Patience);
        var newcomer = Start();
        var newcomerPeers = new NodePeers(newcomer, clock);
        await ConnectedAsync(newcomer);
        await newcomerPeers.StartAsync(CancellationToken.None);
        Assert.Equal(newcomer.NodeId, await joined.Reader.ReadAsync().AsTask().WaitAsync(Patience));
        slowRead.Release();
        await refreshing.WaitAsync(Patience);

        Assert.True(firstPeers.MayBeAlive(newcomer.NodeId));
        Assert.False(left.Reader.TryRead(out _), "a node that just said hello is not said to have left");
        await newcomerPeers.StopAsync(CancellationToken.None);
    }

    // Reads the sessions at once but hands the answer over only when released, once held.
    private sealed class HeldSessionsRead(INodeNotifications inner) : INodeNotifications
    {
        private readonly TaskCompletionSource _answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _released;

        public Task Answered => _answered.Task;

        public bool IsShared => inner.IsShared;

        public string NodeId => inner.NodeId;

        public event Action? Connected
        {
            add => inner.Connected += value;
            remove => inner.Connected -= value;
        }

        public void Hold() => _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released?.TrySetResult();

        public async Task<IReadOnlyCollection<string>> ConnectedNodesAsync(CancellationToken cancellationToken)
        {
            var nodes = await inner.ConnectedNodesAsync(cancellationToken);
            if (_released is { } released)
            {
                _answered.TrySetResult();
                await released.Task;
            }

            return nodes;
        }

        public void Publish(string topic, string payload) => inner.Publish(topic, payload);

        public IDisposable Subscribe(string topic, Action<NodeMessage> handler) => inner.Subscribe(topic, handler);
    }

    // Closes the node's connections without a goodbye, as a killed process's are closed.
    private async Task CloseAsync(PostgresNodeNotifications node)
    {
        _nodes.Remove(node);
        await node.StopAsync(CancellationToken.None);
        node.Dispose();
    }

    private async Task<(PostgresNodeNotifications Node, ChannelReader<NodeMessage> Heard)> StartNodeAsync(string topic)
    {
        var node = Start();
        var heard = Channel.CreateUnbounded<NodeMessage>();
        node.Subscribe(topic, m => heard.Writer.TryWrite(m));
        await ConnectedAsync(node);
        return (node, heard.Reader);
    }

    private PostgresNodeNotifications Start()
    {
        var node = new PostgresNodeNotifications(new PostgresStoreOptions { ConnectionString = _database.ConnectionString }, NullLogger<PostgresNodeNotifications>.Instance);
        _nodes.Add(node);
        return node;
    }

    // Messages sent before a node listens are not for it, so each test waits for its LISTEN.
    private static async Task ConnectedAsync(PostgresNodeNotifications node)
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        node.Connected += () => connected.TrySetResult();
        await node.StartAsync(CancellationToken.None);
        await connected.Task.WaitAsync(Patience);
    }
}
