using System.Globalization;
using CustomerEngine.Storage.Notifications;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustomerEngine.Grains.DataRights;

/// <summary>
/// Hands an erasure made on another node sharing the store to <see cref="CustomerEraser.ErasedElsewhereAsync"/>,
/// one at a time in the order they were made.
/// </summary>
internal sealed partial class ErasureRelay(INodeNotifications nodes, CustomerEraser eraser, ILogger<ErasureRelay> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (nodes.IsShared)
        {
            _subscription = nodes.Subscribe(CustomerEraser.ErasedTopic, message => _ = ForgetAsync(message.Payload));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _one.Dispose();
    }

    private async Task ForgetAsync(string payload)
    {
        var lines = payload.Split('\n');
        if (lines.Length < 2 || !long.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return;
        }

        await _one.WaitAsync();
        try
        {
            await eraser.ErasedElsewhereAsync(position, lines[1..]);
        }
        catch (Exception exception)
        {
            LogForgetFailed(exception);
        }
        finally
        {
            _one.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An erasure made on another node could not be applied to what this node holds")]
    private partial void LogForgetFailed(Exception exception);
}
