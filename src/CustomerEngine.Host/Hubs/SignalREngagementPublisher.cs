using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using CustomerEngine.Domain.Views;
using CustomerEngine.Engagement.Suggestions;
using CustomerEngine.Grains.Engagement;
using CustomerEngine.Storage.Notifications;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CustomerEngine.Host.Hubs;

/// <summary>
/// Pushes the grains' engagement changes to dashboards over <see cref="EngagementHub"/>. Grains
/// call it inside their turn, so every method only queues and returns; a background loop sends
/// what is queued whenever its previous flush has finished, and at most once per
/// <see cref="EngagementPushOptions.FlushInterval"/> when that is set. Within one flush a
/// customer gets at most one <c>SuggestionsUpdated</c> and one <c>CustomerUpdated</c> (the latest,
/// sent where its latest change stood in the queue), while arrivals and departures all go out in
/// the order they happened. A change no connected dashboard would receive is dropped at once
/// (<see cref="DashboardAudience"/>). A change that dashboards on another node sharing the store
/// watch (<see cref="RemoteAudience"/>) is relayed there through <see cref="INodeNotifications"/>,
/// and what other nodes relay here is queued like a local change.
/// </summary>
public sealed partial class SignalREngagementPublisher : BackgroundService, IEngagementPublisher
{
    private readonly IHubContext<EngagementHub, IEngagementClient> _hub;
    private readonly EngagementPushInstruments _instruments;
    private readonly EngagementPushOptions _options;
    private readonly ILogger<SignalREngagementPublisher> _logger;
    private readonly DashboardAudience _audience;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    // A replaced push leaves a null behind, so that the order of everything else is untouched.
    private List<PendingPush?> _queue = [];
    private List<PendingPush?> _spare = [];
    private readonly Dictionary<(EngagementMessage, string), int> _latestIndex = [];
    private readonly INodeNotifications _nodes;
    private readonly RemoteAudience _remote;
    private long _lastFlushAt;

    /// <summary>The topic pushes are relayed to other nodes on.</summary>
    public const string RelayTopic = "dashboards.push";

    private static readonly JsonSerializerOptions RelayJson = new(JsonSerializerDefaults.Web);

    /// <summary>Created by the container.</summary>
    public SignalREngagementPublisher(
        IHubContext<EngagementHub, IEngagementClient> hub,
        EngagementPushInstruments instruments,
        IOptions<EngagementPushOptions> options,
        ILogger<SignalREngagementPublisher> logger,
        DashboardAudience audience,
        INodeNotifications nodes,
        RemoteAudience remote)
    {
        _hub = hub;
        _audience = audience;
        _instruments = instruments;
        _options = options.Value;
        _logger = logger;
        _nodes = nodes;
        _remote = remote;
        if (nodes.IsShared)
        {
            nodes.Subscribe(RelayTopic, ReceiveRelayed);
        }
    }

    /// <inheritdoc />
    public void CustomerArrived(string storeId, CustomerSummary summary) =>
        Publish(EngagementMessage.CustomerArrived, summary.CustomerId, storeId, summary, null, relay: true);

    /// <inheritdoc />
    public void CustomerLeft(string storeId, string customerId) =>
        Publish(EngagementMessage.CustomerLeft, customerId, storeId, null, null, relay: true);

    /// <inheritdoc />
    public void CustomerUpdated(string? presentInStoreId, CustomerSummary summary) =>
        Publish(EngagementMessage.CustomerUpdated, summary.CustomerId, presentInStoreId, summary, null, relay: true);

    /// <inheritdoc />
    public void SuggestionsUpdated(string customerId, string? presentInStoreId, IReadOnlyList<Suggestion> suggestions) =>
        Publish(EngagementMessage.SuggestionsUpdated, customerId, presentInStoreId, null, suggestions, relay: true);

    // Arrivals and departures go to the store's dashboards; updates also to the customer's watchers.
    // Takes the parts rather than a RelayedPush: called for every event, it allocates only for an audience.
    private void Publish(EngagementMessage message, string customerId, string? storeId, CustomerSummary? summary, IReadOnlyList<Suggestion>? suggestions, bool relay)
    {
        var storeGroup = storeId is not null ? EngagementGroups.Store(storeId) : null;
        var customerGroup = message is EngagementMessage.CustomerUpdated or EngagementMessage.SuggestionsUpdated ? EngagementGroups.Customer(customerId) : null;
        if ((storeGroup is not null && _audience.Watches(storeGroup)) || (customerGroup is not null && _audience.Watches(customerGroup)))
        {
            var coalesce = customerGroup is not null;
            Enqueue(new PendingPush(message, customerId, storeId, summary, suggestions, Stopwatch.GetTimestamp()) { Origin = relay ? CurrentOrigin() : default }, coalesce);
        }

        if (relay && ((storeGroup is not null && _remote.Watches(storeGroup)) || (customerGroup is not null && _remote.Watches(customerGroup))))
        {
            _nodes.Publish(RelayTopic, JsonSerializer.Serialize(new RelayedPush(message, customerId, storeId, summary, suggestions), RelayJson));
            _instruments.Relayed(message);
        }
    }

    private void ReceiveRelayed(NodeMessage message)
    {
        try
        {
            if (JsonSerializer.Deserialize<RelayedPush>(message.Payload, RelayJson) is { } push)
            {
                Publish(push.Message, push.CustomerId, push.StoreId, push.Summary, push.Suggestions, relay: false);
            }
        }
        catch (JsonException exception)
        {
            LogRelayUnreadable(exception);
        }
    }

    /// <summary>Sends everything queued now, in order; the loop does this on its own, tests and shutdown call it directly.</summary>
    public async Task FlushAsync()
    {
        await _flushing.WaitAsync();
        try
        {
            List<PendingPush?> batch;
            lock (_gate)
            {
                batch = _queue;
                _queue = _spare;
                _latestIndex.Clear();
            }

            // Started in order, awaited together: a connection's writes queue in call order (SignalR
            // takes its write lock first come, first served), and one slow socket does not hold
            // up the sends to every other dashboard of this flush.
            var sends = new List<Task>(batch.Count);
            foreach (var push in batch)
            {
                if (push is not null)
                {
                    sends.Add(SendAsync(push));
                }
            }

            await Task.WhenAll(sends);

            batch.Clear();
            _spare = batch;
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);

                // Idle, a change goes out at once; busy, what queued during the previous flush goes
                // out together, and changes to one customer queued meanwhile are coalesced.
                var sinceLast = Stopwatch.GetElapsedTime(_lastFlushAt);
                if (sinceLast < _options.FlushInterval)
                {
                    await Task.Delay(_options.FlushInterval - sinceLast, stoppingToken);
                }

                _lastFlushAt = Stopwatch.GetTimestamp();
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Enqueue(PendingPush push, bool coalesce)
    {
        bool wake;
        lock (_gate)
        {
            var key = (push.Message, push.CustomerId);
            if (coalesce && _latestIndex.TryGetValue(key, out var index))
            {
                // The message carries the latest state, but its delay counts from the oldest change it
                // replaces, and its span links to the trace of that change.
                var replaced = _queue[index]!;
                push = push with { QueuedAt = replaced.QueuedAt, ReplacedOrigin = replaced.ReplacedOrigin != default ? replaced.ReplacedOrigin : replaced.Origin };
                _instruments.Coalesced(push.Message);
                if (_queue.Count >= _options.MaxPending)
                {
                    _queue[index] = push;
                    return;
                }

                _queue[index] = null;
            }
            else if (_queue.Count >= _options.MaxPending)
            {
                _instruments.Dropped(push.Message);
                return;
            }

            if (coalesce)
            {
                _latestIndex[key] = _queue.Count;
            }

            _queue.Add(push);
            wake = _queue.Count == 1;
        }

        if (wake)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    private async Task SendAsync(PendingPush push)
    {
        using var activity = _instruments.StartPush(push);
        try
        {
            await (push.Message switch
            {
                EngagementMessage.CustomerArrived => _hub.Clients.Group(EngagementGroups.Store(push.StoreId!)).CustomerArrived(push.Summary!),
                EngagementMessage.CustomerLeft => _hub.Clients.Group(EngagementGroups.Store(push.StoreId!)).CustomerLeft(push.CustomerId),
                EngagementMessage.CustomerUpdated => StoreAndWatchers(push).CustomerUpdated(push.Summary!),
                _ => StoreAndWatchers(push).SuggestionsUpdated(push.CustomerId, push.Suggestions!),
            });
            _instruments.Sent(push.Message, push.QueuedAt);
            if (push.Suggestions is { } suggestions)
            {
                _instruments.SuggestionsSent(suggestions);
            }
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().FullName);
            // A failed send must not stop the pushes behind it; the dashboard resynchronises on reconnect.
            LogSendFailed(exception, push.Message);
        }
    }

    // The grain's turn is the current span while it publishes; carried with the push because the
    // flush runs later on the publisher's own loop, outside any request.
    private static ActivityContext CurrentOrigin() => Activity.Current?.Context ?? default;

    // A connection in both groups gets the message once: the lifetime manager sends to the union.
    private IEngagementClient StoreAndWatchers(PendingPush push) => push.StoreId is { } storeId
        ? _hub.Clients.Groups(EngagementGroups.Store(storeId), EngagementGroups.Customer(push.CustomerId))
        : _hub.Clients.Group(EngagementGroups.Customer(push.CustomerId));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push relayed by another node could not be read; it is dropped")]
    private partial void LogRelayUnreadable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {Message} to dashboards failed")]
    private partial void LogSendFailed(Exception exception, EngagementMessage message);
}
