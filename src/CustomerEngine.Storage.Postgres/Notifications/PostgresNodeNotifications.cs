using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CustomerEngine.Storage.Postgres.Notifications;

/// <summary>
/// <see cref="INodeNotifications"/> over PostgreSQL's <c>LISTEN</c>/<c>NOTIFY</c> on one channel. One
/// connection listens for as long as the node runs (reconnecting after an outage); published messages
/// queue in memory and leave in batches on a second connection, in the order they were published,
/// as many to a notification as fit. A message too long for a notification is stored in
/// <c>node_message_bodies</c> and sent by id.
/// </summary>
internal sealed partial class PostgresNodeNotifications : BackgroundService, INodeNotifications
{
    /// <summary>The one channel every node listens on; topics travel inside the payload.</summary>
    public const string Channel = "customer_engine_nodes";

    /// <summary>
    /// The start of the <c>application_name</c> of every connection a node opens for its messages;
    /// the node's id follows. The server's list of sessions is then the list of nodes connected.
    /// </summary>
    public const string ApplicationNamePrefix = "customer-engine-node ";

    // PostgreSQL refuses payloads of 8000 bytes or more.
    private const int MaxPayloadBytes = 7_900;
    private const char Separator = '\u001f';

    // The topic of a notification that packs several messages, each as `{length}:{topic}{length}:{payload}`.
    private const string PackedTopic = "*";
    private const int MaxQueued = 100_000;
    private const int MaxBatch = 256;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan BodyLifetime = TimeSpan.FromMinutes(5);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresNodeNotifications> _logger;
    private readonly Channel<(string Topic, string Payload)> _outbox =
        System.Threading.Channels.Channel.CreateBounded<(string, string)>(new BoundedChannelOptions(MaxQueued) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    // Notifications are handed over in arrival order by one loop, so a stored body being fetched
    // holds back the messages behind it rather than letting them overtake it.
    private readonly Channel<string> _inbox = System.Threading.Channels.Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private readonly ConcurrentDictionary<string, ImmutableArray<Action<NodeMessage>>> _handlers = new(StringComparer.Ordinal);
    private readonly Lock _subscribing = new();
    private Task _sending = Task.CompletedTask;
    private int _stopping;

    public PostgresNodeNotifications(PostgresStoreOptions options, ILogger<PostgresNodeNotifications> logger)
    {
        _dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.ConnectionString) { ApplicationName = ApplicationNamePrefix + NodeId });
        _logger = logger;
    }

    public bool IsShared => true;

    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public event Action? Connected;

    public async Task<IReadOnlyCollection<string>> ConnectedNodesAsync(CancellationToken cancellationToken)
    {
        // application_name is shown to every role, unlike most of pg_stat_activity.
        await using var query = _dataSource.CreateCommand(
            "SELECT DISTINCT substr(application_name, length($1) + 1) FROM pg_stat_activity WHERE datname = current_database() AND starts_with(application_name, $1)");
        query.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ApplicationNamePrefix });
        var connected = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            connected.Add(reader.GetString(0));
        }

        return connected;
    }

    public void Publish(string topic, string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(payload);
        // After the node stopped sending, a message has nowhere to go; dropping it is not an overflow.
        if (!_outbox.Writer.TryWrite((topic, payload)) && Volatile.Read(ref _stopping) == 0)
        {
            LogOutboxFull(topic);
        }
    }

    public IDisposable Subscribe(string topic, Action<NodeMessage> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_subscribing)
        {
            _handlers[topic] = _handlers.GetValueOrDefault(topic, []).Add(handler);
        }

        return new Subscription(this, topic, handler);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _sending = SendAsync(stoppingToken);
        return Task.WhenAll(ListenAsync(stoppingToken), ReceiveAsync(stoppingToken), _sending);
    }

    /// <summary>Sends what is queued (a node's farewell among it) before it stops listening.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _stopping, 1);
        _outbox.Writer.TryComplete();
        try
        {
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        base.Dispose();
        _dataSource.Dispose();
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, notification) => _inbox.Writer.TryWrite(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                Connected?.Invoke();
                while (true)
                {
                    // A quiet channel is checked now and then, so a dropped connection is noticed
                    // before the next message would have been lost on it.
                    if (!await connection.WaitAsync(IdleCheck, stoppingToken).ConfigureAwait(false))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogListenFailed(exception);
                await DelayAsync(stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var notification in _inbox.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var parts = notification.Split(Separator, 3);
                if (parts.Length != 3 || parts[0] == NodeId)
                {
                    continue;
                }

                if (parts[1] == PackedTopic)
                {
                    foreach (var (topic, packed) in Unpack(parts[2]))
                    {
                        Dispatch(new NodeMessage(parts[0], topic, packed));
                    }

                    continue;
                }

                var payload = parts[2].StartsWith('@') && long.TryParse(parts[2].AsSpan(1), out var bodyId)
                    ? await ReadStoredBodyAsync(parts[1], bodyId, stoppingToken).ConfigureAwait(false)
                    : parts[2];
                if (payload is not null)
                {
                    Dispatch(new NodeMessage(parts[0], parts[1], payload));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<string?> ReadStoredBodyAsync(string topic, long bodyId, CancellationToken stoppingToken)
    {
        try
        {
            await using var read = _dataSource.CreateCommand("SELECT body FROM node_message_bodies WHERE id = $1");
            read.Parameters.Add(new NpgsqlParameter<long> { TypedValue = bodyId });
            return await read.ExecuteScalarAsync(stoppingToken).ConfigureAwait(false) as string;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogStoredBodyFailed(exception, topic);
            return null;
        }
    }

    private void Dispatch(NodeMessage message)
    {
        foreach (var handler in _handlers.GetValueOrDefault(message.Topic, []))
        {
            try
            {
                handler(message);
            }
            catch (Exception exception)
            {
                LogHandlerFailed(exception, message.Topic);
            }
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(string Topic, string Payload)>(MaxBatch);
        var lastCleanup = DateTimeOffset.UtcNow;
        try
        {
            while (await _outbox.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < MaxBatch && _outbox.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                try
                {
                    await SendBatchAsync(batch, stoppingToken).ConfigureAwait(false);
                    if (DateTimeOffset.UtcNow - lastCleanup > BodyLifetime)
                    {
                        lastCleanup = DateTimeOffset.UtcNow;
                        await using var cleanup = _dataSource.CreateCommand("DELETE FROM node_message_bodies WHERE created_at < now() - $1");
                        cleanup.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = BodyLifetime });
                        await cleanup.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Best effort: the batch is lost, as it would be for a node that was not listening.
                    LogSendFailed(exception, batch.Count);
                    await DelayAsync(stoppingToken).ConfigureAwait(false);
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendBatchAsync(List<(string Topic, string Payload)> messages, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection);
        var packedHeader = string.Concat(NodeId, Separator.ToString(), PackedTopic, Separator.ToString());
        var headerBytes = Encoding.UTF8.GetByteCount(packedHeader);
        var packed = new StringBuilder(packedHeader);
        var packedBytes = headerBytes;
        foreach (var (topic, payload) in messages)
        {
            // Small messages share notifications, in order: each notification costs the server and
            // every listener far more than its bytes (one per customer activation adds up). What is
            // packed leaves before a message that does not fit with it, so the order is kept.
            var segment = Pack(topic, payload);
            var segmentBytes = Encoding.UTF8.GetByteCount(segment);
            if (packedBytes + segmentBytes > MaxPayloadBytes && packedBytes > headerBytes)
            {
                batch.BatchCommands.Add(Notify(packed.ToString()));
                packed.Length = packedHeader.Length;
                packedBytes = headerBytes;
            }

            if (packedBytes + segmentBytes <= MaxPayloadBytes)
            {
                packed.Append(segment);
                packedBytes += segmentBytes;
                continue;
            }

            var header = string.Concat(NodeId, Separator.ToString(), topic, Separator.ToString());
            batch.BatchCommands.Add(new NpgsqlBatchCommand("WITH stored AS (INSERT INTO node_message_bodies (body) VALUES ($3) RETURNING id) SELECT pg_notify($1, $2 || '@' || stored.id) FROM stored")
            {
                Parameters =
                {
                    new NpgsqlParameter<string> { TypedValue = Channel },
                    new NpgsqlParameter<string> { TypedValue = header },
                    new NpgsqlParameter<string> { TypedValue = payload },
                },
            });
        }

        if (packedBytes > headerBytes)
        {
            batch.BatchCommands.Add(Notify(packed.ToString()));
        }

        // One implicit transaction: the notifications are delivered together, in order, at its commit.
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlBatchCommand Notify(string payload) =>
        new("SELECT pg_notify($1, $2)") { Parameters = { new NpgsqlParameter<string> { TypedValue = Channel }, new NpgsqlParameter<string> { TypedValue = payload } } };

    private static string Pack(string topic, string payload) =>
        string.Concat(topic.Length.ToString(CultureInfo.InvariantCulture), ":", topic, payload.Length.ToString(CultureInfo.InvariantCulture), ":", payload);

    // The messages of a packed notification; a malformed rest is dropped (it is not from this engine).
    private static List<(string Topic, string Payload)> Unpack(string packed)
    {
        var messages = new List<(string, string)>();
        var at = 0;
        while (at < packed.Length && Field(packed, ref at) is { } topic && Field(packed, ref at) is { } payload)
        {
            messages.Add((topic, payload));
        }

        return messages;
    }

    private static string? Field(string packed, ref int at)
    {
        var colon = packed.IndexOf(':', at);
        if (colon < 0 || !int.TryParse(packed.AsSpan(at, colon - at), NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length > packed.Length - colon - 1)
        {
            at = packed.Length;
            return null;
        }

        at = colon + 1 + length;
        return packed.Substring(colon + 1, length);
    }

    private static async Task DelayAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Unsubscribe(string topic, Action<NodeMessage> handler)
    {
        lock (_subscribing)
        {
            _handlers[topic] = _handlers.GetValueOrDefault(topic, []).Remove(handler);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other nodes' messages failed; trying again in a second")]
    private partial void LogListenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} messages to other nodes failed; they are dropped")]
    private partial void LogSendFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading a long message on {Topic} from another node failed")]
    private partial void LogStoredBodyFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler of {Topic} messages from other nodes failed")]
    private partial void LogHandlerFailed(Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many messages for other nodes are queued; a {Topic} message is dropped")]
    private partial void LogOutboxFull(string topic);

    private sealed class Subscription(PostgresNodeNotifications owner, string topic, Action<NodeMessage> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(topic, handler);
            }
        }
    }
}
