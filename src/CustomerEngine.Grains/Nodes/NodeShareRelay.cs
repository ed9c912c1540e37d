using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;

namespace CustomerEngine.Grains.Nodes;

/// <summary>
/// Shares something each node keeps of its own (counts of its customers, what it learned) with the
/// other nodes sharing the store: every <c>interval</c> it may publish on its topic
/// (<see cref="TickAsync"/>; everything again after a node joins), hands what the others publish to
/// <see cref="Heard"/> and tells <see cref="Gone"/> when a node leaves. Nothing runs on a store no
/// other node can share.
/// </summary>
/// <param name="nodes">The channel between the nodes.</param>
/// <param name="peers">Who else is alive.</param>
/// <param name="clock">Times the ticks.</param>
/// <param name="topic">The topic this relay publishes and hears on; one relay per topic.</param>
/// <param name="interval">How often <see cref="TickAsync"/> runs.</param>
public abstract class NodeShareRelay(INodeNotifications nodes, NodePeers peers, TimeProvider clock, string topic, TimeSpan interval) : BackgroundService
{
    private volatile bool _republish;

    /// <summary>Whether another node may be alive to hear a publication.</summary>
    protected bool AnyoneListens => peers.Any;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!nodes.IsShared)
        {
            return;
        }

        using var subscription = nodes.Subscribe(topic, Heard);
        peers.Joined += Joined;
        peers.Left += Gone;
        try
        {
            await StartingAsync(stoppingToken);
            using var ticks = new PeriodicTimer(interval, clock);
            do
            {
                var all = _republish;
                _republish = false;
                try
                {
                    await TickAsync(all);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // One failed tick must not end the sharing (nor, as a failed background
                    // service, the host); the next tick tries again.
                    _republish |= all;
                    TickFailed(exception);
                }
            }
            while (await ticks.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            peers.Joined -= Joined;
            peers.Left -= Gone;
        }
    }

    /// <summary>Publishes <paramref name="payload"/> on the topic.</summary>
    protected void Publish(string payload) => nodes.Publish(topic, payload);

    /// <summary>Runs once before the first tick, such as reading what the others saved.</summary>
    protected virtual Task StartingAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>Publishes what changed since the last tick, or everything when <paramref name="all"/> (a node joined).</summary>
    protected abstract Task TickAsync(bool all);

    /// <summary>Takes in what another node published; called on the channel's thread, so it must only update memory.</summary>
    protected abstract void Heard(NodeMessage message);

    /// <summary>A node left: what it published no longer counts. Must only update memory or queue.</summary>
    protected abstract void Gone(string node);

    /// <summary>Reports a tick that failed; the next one tries again.</summary>
    protected abstract void TickFailed(Exception exception);

    private void Joined(string node) => _republish = true;
}
