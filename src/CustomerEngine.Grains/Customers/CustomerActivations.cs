using CustomerEngine.Grains.Runtime;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.Customers;

/// <summary>
/// Keeps a customer active on one node of those sharing the store. A node that activates a
/// customer says so, and a node holding an older copy drops it; if that copy had applied events
/// since its last snapshot (the new copy may have read the log before them), it writes its snapshot
/// and says the customer changed, and the new copy is dropped and read again. The log holds every
/// event either copy applied, so the customer ends up folded from all of them. A node alone says
/// nothing (<see cref="NodePeers.Any"/>).
/// </summary>
public sealed partial class CustomerActivations(INodeNotifications nodes, NodePeers peers, GrainRuntime runtime, ILogger<CustomerActivations> logger) : IHostedService
{
    /// <summary>The topic a node announces a customer's activation on.</summary>
    public const string ActivatedTopic = "customers.activated";

    /// <summary>The topic a node announces on that a customer changed under another node's copy.</summary>
    public const string ChangedTopic = "customers.changed";

    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Called by the customer grain once it has read its state and the log.</summary>
    public void Activated(string customerKey)
    {
        if (peers.Any)
        {
            nodes.Publish(ActivatedTopic, customerKey);
        }
    }

    /// <summary>Called by a copy dropped for another node's activation after it applied events of its own.</summary>
    public void Changed(string customerKey)
    {
        if (peers.Any)
        {
            nodes.Publish(ChangedTopic, customerKey);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (nodes.IsShared)
        {
            _subscriptions.Add(nodes.Subscribe(ActivatedTopic, message => _ = DropAsync(message.Payload, DeactivationReason.ActivatedElsewhere)));
            _subscriptions.Add(nodes.Subscribe(ChangedTopic, message => _ = DropAsync(message.Payload, DeactivationReason.ChangedElsewhere)));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        return Task.CompletedTask;
    }

    private async Task DropAsync(string customerKey, DeactivationReason reason)
    {
        try
        {
            await runtime.DeactivateIfActiveAsync<ICustomerGrain>(customerKey, reason).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            LogDropFailed(exception, customerKey, reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dropping this node's copy of customer {CustomerKey} ({Reason}) failed")]
    private partial void LogDropFailed(Exception exception, string customerKey, DeactivationReason reason);
}
