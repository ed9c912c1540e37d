using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerEngine.Host.Tests.Support;

namespace CustomerEngine.Durability.Tests.Traffic;

/// <summary>A load balancer's view of the host: its health endpoints probed every quarter second until stopped.</summary>
public sealed class HealthProbes
{
    public const string Health = "/health";
    public const string Ready = "/health/ready";
    public const string Live = "/health/live";

    private readonly ConcurrentQueue<HttpAnswer> _answers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private HealthProbes(HostProcess host, Stopwatch clock) => _loop = Task.Run(() => ProbeAsync(host, clock));

    public IReadOnlyList<HttpAnswer> Answers => [.. _answers];

    public static HealthProbes Start(HostProcess host, Stopwatch clock) => new(host, clock);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    private async Task ProbeAsync(HostProcess host, Stopwatch clock)
    {
        using var client = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
        while (!_stop.IsCancellationRequested)
        {
            foreach (var path in (string[])[Health, Ready, Live])
            {
                _answers.Enqueue(await HttpAnswer.GetAsync(client, path, clock.Elapsed, () => clock.Elapsed));
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
