using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CustomerEngine.HubClient;

/// <summary>
/// A client of the SignalR JSON hub protocol (version 1) over an already connected WebSocket, for
/// tests and the load tool: it skips negotiation, as the WebSocket transport allows. Messages are
/// JSON records ended by 0x1E; the client answers nothing but its own invocations, and pings the
/// server so the server's client time-out does not close a quiet connection.
/// </summary>
public sealed class JsonHubClient : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private const int InvocationType = 1;
    private const int CompletionType = 3;
    private const int PingType = 6;
    private const int CloseType = 7;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions ArgumentOptions = new(JsonSerializerDefaults.Web);

    private readonly WebSocket _socket;
    private readonly bool _keepReceived;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = [];
    private readonly List<HubInvocation> _received = [];
    private readonly List<(string Target, Func<JsonElement, bool> Predicate, TaskCompletionSource<JsonElement> Found)> _waiters = [];
    private readonly Dictionary<string, Action<JsonElement>> _handlers = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private Timer? _ping;
    private long _nextInvocationId;
    private string? _closedBecause;

    private JsonHubClient(WebSocket socket, bool keepReceived)
    {
        _socket = socket;
        _keepReceived = keepReceived;
    }

    /// <summary>
    /// Performs the handshake on <paramref name="socket"/> (connected to the hub's URL) and starts
    /// receiving. With <paramref name="keepReceived"/> every server invocation is kept for
    /// <see cref="WaitForAsync"/> and <see cref="Received"/>; a load generator turns it off and
    /// uses <see cref="On"/> instead.
    /// </summary>
    public static async Task<JsonHubClient> ConnectAsync(WebSocket socket, bool keepReceived = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var client = new JsonHubClient(socket, keepReceived);
        client._receiving = Task.Run(client.ReceiveAsync, CancellationToken.None);
        try
        {
            await client.SendRecordAsync(Encoding.UTF8.GetBytes("""{"protocol":"json","version":1}"""));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(InvocationTimeout);
            await client._handshake.Task.WaitAsync(timeout.Token);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }

        client._ping = new Timer(static c => _ = ((JsonHubClient)c!).PingAsync(), client, PingInterval, PingInterval);
        return client;
    }

    /// <summary>
    /// Calls a hub method and returns its result (a JSON element of kind <c>Undefined</c> for a
    /// method without one); throws <see cref="HubInvocationException"/> with the hub's message
    /// when the method failed.
    /// </summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_closedBecause is { } reason)
            {
                throw new HubInvocationException(reason);
            }

            _pending[id] = completion;
        }

        await SendRecordAsync(JsonSerializer.SerializeToUtf8Bytes(new { type = InvocationType, invocationId = id, target = method, arguments }, ArgumentOptions));
        try
        {
            return await completion.Task.WaitAsync(InvocationTimeout);
        }
        finally
        {
            lock (_gate)
            {
                _pending.Remove(id);
            }
        }
    }

    /// <summary>
    /// The argument array of the first server invocation of <paramref name="target"/> that
    /// satisfies <paramref name="predicate"/>, including ones received before the call; throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public async Task<JsonElement> WaitForAsync(string target, Func<JsonElement, bool> predicate, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = (target, predicate, found);
        lock (_gate)
        {
            foreach (var invocation in _received)
            {
                if (invocation.Target == target && predicate(invocation.Arguments))
                {
                    return invocation.Arguments;
                }
            }

            _waiters.Add(waiter);
        }

        try
        {
            return await found.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No {target} matching the condition within {timeout.TotalSeconds:N0} s; received: {string.Join(", ", Received().Select(r => r.Target))}");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Every server invocation received so far (when keeping them), optionally of one target only.</summary>
    public IReadOnlyList<HubInvocation> Received(string? target = null)
    {
        lock (_gate)
        {
            return [.. _received.Where(r => target is null || r.Target == target)];
        }
    }

    /// <summary>
    /// Runs <paramref name="handler"/> on the receive loop for each invocation of
    /// <paramref name="target"/>; the element is valid only during the call.
    /// </summary>
    public void On(string target, Action<JsonElement> handler)
    {
        lock (_gate)
        {
            _handlers[target] = handler;
        }
    }

    /// <summary>Closes the connection and waits for the server to acknowledge.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ping is not null)
        {
            await _ping.DisposeAsync();
        }

        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }

            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is WebSocketException or TimeoutException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing is best effort: the server cleans up a connection that vanished too.
        }

        await _stop.CancelAsync();
        _socket.Dispose();
        _sending.Dispose();
        _stop.Dispose();
    }

    private async Task PingAsync()
    {
        try
        {
            await SendRecordAsync("""{"type":6}"""u8.ToArray());
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop reports a broken connection; a ping has nothing to add.
        }
    }

    private async Task SendRecordAsync(byte[] json)
    {
        var record = new byte[json.Length + 1];
        json.CopyTo(record, 0);
        record[^1] = RecordSeparator;

        // A WebSocket allows one send at a time.
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(record, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var pending = new ArrayBufferWriter<byte>();
        var closedBecause = "the connection closed";
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    closedBecause = $"the server closed the connection ({read.CloseStatus} {read.CloseStatusDescription})";
                    break;
                }

                pending.Write(buffer.AsSpan(0, read.Count));
                var consumed = 0;
                var data = pending.WrittenSpan;
                int end;
                while ((end = data[consumed..].IndexOf(RecordSeparator)) >= 0)
                {
                    var closeReason = Dispatch(data.Slice(consumed, end));
                    consumed += end + 1;
                    if (closeReason is not null)
                    {
                        closedBecause = closeReason;
                    }
                }

                if (consumed > 0)
                {
                    var rest = data[consumed..].ToArray();
                    pending.Clear();
                    pending.Write(rest);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            closedBecause = $"the connection broke: {exception.Message}";
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            Close(closedBecause);
        }
    }

    // Returns the reason when the record closes the connection.
    private string? Dispatch(ReadOnlySpan<byte> record)
    {
        using var document = JsonDocument.Parse(record.ToArray());
        var root = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            if (root.TryGetProperty("error", out var refused))
            {
                _handshake.TrySetException(new HubInvocationException($"handshake refused: {refused.GetString()}"));
            }
            else
            {
                _handshake.TrySetResult();
            }

            return null;
        }

        switch (root.GetProperty("type").GetInt32())
        {
            case InvocationType:
                OnInvocation(root.GetProperty("target").GetString()!, root.GetProperty("arguments"));
                return null;
            case CompletionType:
                Complete(root);
                return null;
            case CloseType:
                return root.TryGetProperty("error", out var error) ? $"the server closed the connection: {error.GetString()}" : "the server closed the connection";
            case PingType:
            default:
                return null;
        }
    }

    private void OnInvocation(string target, JsonElement arguments)
    {
        Action<JsonElement>? handler;
        lock (_gate)
        {
            handler = _handlers.GetValueOrDefault(target);
        }

        handler?.Invoke(arguments);
        if (!_keepReceived)
        {
            return;
        }

        var kept = arguments.Clone();
        List<TaskCompletionSource<JsonElement>>? satisfied = null;
        lock (_gate)
        {
            _received.Add(new HubInvocation(target, kept));
            foreach (var waiter in _waiters)
            {
                if (waiter.Target == target && waiter.Predicate(kept))
                {
                    (satisfied ??= []).Add(waiter.Found);
                }
            }
        }

        satisfied?.ForEach(s => s.TrySetResult(kept));
    }

    private void Complete(JsonElement completion)
    {
        TaskCompletionSource<JsonElement>? pending;
        lock (_gate)
        {
            pending = _pending.GetValueOrDefault(completion.GetProperty("invocationId").GetString()!);
        }

        if (pending is null)
        {
            return;
        }

        if (completion.TryGetProperty("error", out var error))
        {
            pending.TrySetException(new HubInvocationException(error.GetString() ?? "the hub method failed"));
        }
        else
        {
            pending.TrySetResult(completion.TryGetProperty("result", out var result) ? result.Clone() : default);
        }
    }

    private void Close(string reason)
    {
        List<TaskCompletionSource<JsonElement>> pending;
        lock (_gate)
        {
            _closedBecause ??= reason;
            pending = [.. _pending.Values];
        }

        _handshake.TrySetException(new HubInvocationException(reason));
        foreach (var invocation in pending)
        {
            invocation.TrySetException(new HubInvocationException(reason));
        }
    }
}
